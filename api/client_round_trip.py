"""Drives a fresh `barrack sandbox serve` through the Python client openapi-python-client generated
from api/barrack.openapi.yaml: no request of this file is written by hand, every call is the
generated client's and every answer is parsed into its models.

    python api/client_round_trip.py BASE_URL      (the generated package `barrack_client` on the path)

A Legacy instance is deployed and waited for, a volume is made and attached, a snapshot is taken
and restored into a second instance, and everything is deleted again: 16 operations. Ends with
`client round trip: N operations, OK` or the first step that failed.
"""
import sys
import time

from barrack_client import AuthenticatedClient
from barrack_client.api.account import get_balance
from barrack_client.api.instances import delete_instance, deploy_instance, get_instance, list_instances, list_os_images
from barrack_client.api.snapshots import create_snapshot, delete_snapshot, get_snapshot, restore_snapshot
from barrack_client.api.ssh_keys import list_ssh_keys
from barrack_client.api.volumes import attach_volumes, create_volume, delete_volume, detach_volumes, get_volume
from barrack_client.models import (
    CreateSnapshotRequest, CreateVolumeRequest, DeploymentRequest, ErrorResponse, GpuCountEnum, GpuModelEnum,
    OSImageBootSource, OSImageBootSourceType, OSImageIdEnum, RegionEnum, RestoreSnapshotRequest, SnapshotStatus, VMStatus,
    VolumeIDsRequest, VolumeStatus, VolumeTypeEnum,
)

used = set()


def call(module, *args, expect=(200, 201), **kwargs):
    """One generated call; its status must be one of `expect` and its answer a model, not an error."""
    response = module.sync_detailed(*args, **kwargs)
    used.add(module.__name__.rsplit(".", 1)[-1])
    answer = response.parsed
    if response.status_code not in expect or answer is None or isinstance(answer, ErrorResponse):
        message = answer.message if isinstance(answer, ErrorResponse) else response.content[:300]
        raise SystemExit(f"client round trip: {module.__name__} answered {response.status_code}: {message}")
    return answer


def wait(read, wanted, what, seconds=30):
    """Reads until `read()` has the status `wanted`; the sandbox runs fast enough for seconds."""
    deadline = time.monotonic() + seconds
    while True:
        status = read()
        if status == wanted:
            return
        if time.monotonic() > deadline:
            raise SystemExit(f"client round trip: {what} is still {status} after {seconds} s, not {wanted}")
        time.sleep(0.1)


def expect_equal(got, wanted, what):
    if got != wanted:
        raise SystemExit(f"client round trip: {what} is {got!r}, expected {wanted!r}")


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    client = AuthenticatedClient(base_url=sys.argv[1], token="generated-client", raise_on_unexpected_status=True)
    region = RegionEnum.CANADA_1

    balance = call(get_balance, client=client).balance
    key = call(list_ssh_keys, client=client).ssh_keys[0].id
    # The document's enum of OS images, so a listed id the enum lacks fails here.
    image = OSImageIdEnum(call(list_os_images, client=client, region=region).images[0].id)

    deployed = call(deploy_instance, client=client, body=DeploymentRequest(
        gpu_model=GpuModelEnum.RTX_A6000, gpu_count=GpuCountEnum.VALUE_1, region=region,
        boot_source=OSImageBootSource(type_=OSImageBootSourceType.OS_IMAGE, os_image_id=image),
        ssh_key_ids=[key], name="generated"), expect=(201,)).instance
    expect_equal(deployed.status, VMStatus.CREATING, "a new instance's status")
    wait(lambda: call(get_instance, deployed.id, client=client).instance.status, VMStatus.ACTIVE, "the instance")

    volume = call(create_volume, client=client, body=CreateVolumeRequest(
        name="generated-data", region=region, size_gb=200, volume_type=VolumeTypeEnum.SSD), expect=(201,)).volume
    wait(lambda: call(get_volume, volume.id, client=client).volume.status, VolumeStatus.AVAILABLE, "the volume")
    call(attach_volumes, deployed.id, client=client, body=VolumeIDsRequest(volume_ids=[volume.id]))
    expect_equal(call(get_volume, volume.id, client=client).volume.instance_id, deployed.id, "the volume's instance")

    snapshot = call(create_snapshot, client=client, body=CreateSnapshotRequest(
        instance_id=deployed.id, name="generated-snapshot"), expect=(201,)).snapshot
    wait(lambda: call(get_snapshot, snapshot.id, client=client).snapshot.status, SnapshotStatus.AVAILABLE,
         "the snapshot")
    restored = call(restore_snapshot, snapshot.id, client=client,
                    body=RestoreSnapshotRequest(name="generated-restored"), expect=(201,)).instance
    wait(lambda: call(get_instance, restored.id, client=client).instance.status, VMStatus.ACTIVE,
         "the restored instance")
    names = sorted(instance.name for instance in call(list_instances, client=client, region=region).instances)
    expect_equal(names, ["generated", "generated-restored"], "the instances")

    call(detach_volumes, deployed.id, client=client, body=VolumeIDsRequest(volume_ids=[volume.id]))
    call(delete_snapshot, snapshot.id, client=client)
    for instance in (deployed, restored):
        call(delete_instance, instance.id, client=client)
        wait(lambda: call(get_instance, instance.id, client=client).instance.status, VMStatus.DELETED, "a deletion")
    call(delete_volume, volume.id, client=client)
    expect_equal(call(list_instances, client=client, region=region).total, 0, "the instances left")
    if balance.amount <= 0:
        raise SystemExit("client round trip: the balance was not read")
    print(f"client round trip: {len(used)} operations, OK ({', '.join(sorted(used))})")


if __name__ == "__main__":
    main()
