/// The platform's operations as data: the one place where a path, a method, a query parameter or
/// a body of the API is written down (barrack-api.md section 7).
///
/// Every path except pricing is the project's [chosen] guess, so a correction from the platform is
/// a one-line change here. The `switch` makes the compiler prove that every operation has a row.
public enum EndpointTable {
    /// Every endpoint, in the contract's order.
    public static let all: [Endpoint] = OperationID.allCases.map(endpoint(for:))

    /// The query parameters of `get_pricing`, which also name `PricingRequest`'s fields.
    static let pricingParameters = [
        "tier", "currency", "resource_type", "gpu_model", "gpu_count", "volume_type", "volume_size_gb",
    ]
    static let pageParameters = ["page", "limit"]

    static func endpoint(for operation: OperationID) -> Endpoint {
        switch operation {
        case .getBalance:
            return Endpoint(operation, .get, "/api/balance/", response: "CreditBalanceResponse")
        case .getGPUStock:
            return Endpoint(operation, .get, "/api/gpu-stocks/", query: ["region", "gpu_model"] + pageParameters,
                            response: "GPUStocksResponse", items: "stocks")
        case .getGPUSpecs:
            return Endpoint(operation, .get, "/api/gpu-specs/", query: ["gpu_model"] + pageParameters,
                            response: "GPUSpecsResponse", items: "gpus")
        case .listRegions:
            return Endpoint(operation, .get, "/api/regions/", query: pageParameters,
                            response: "RegionsResponse", items: "regions")
        case .getPricing:
            return Endpoint(operation, .get, "/api/pricing/", query: pricingParameters, response: "PricingResponse")
        case .quotePricing:
            return Endpoint(operation, .post, "/api/pricing/", body: "PricingRequest",
                            response: "PricingResponse", safe: true)
        case .deployInstance:
            return Endpoint(operation, .post, "/api/instances/", body: "DeploymentRequest",
                            response: "DeploymentResponse")
        case .listInstances:
            return Endpoint(operation, .get, "/api/instances/", query: ["region", "status"] + pageParameters,
                            response: "ListVMsResponse", items: "instances")
        case .getInstance:
            return Endpoint(operation, .get, "/api/instances/{id}/", response: "VMDetailsResponse")
        case .getInstanceBilling:
            return Endpoint(operation, .get, "/api/instances/{id}/billing/", query: pageParameters,
                            response: "Billing", items: "records")
        case .startInstance:
            return Endpoint(operation, .post, "/api/instances/{id}/start/", response: "StartVMResponse")
        case .stopInstance:
            return Endpoint(operation, .post, "/api/instances/{id}/stop/", response: "StopVMResponse")
        case .rebootInstance:
            return Endpoint(operation, .post, "/api/instances/{id}/reboot/", response: "RebootVMResponse")
        case .hibernateInstance:
            return Endpoint(operation, .post, "/api/instances/{id}/hibernate/", response: "HibernateVMResponse")
        case .restoreInstance:
            return Endpoint(operation, .post, "/api/instances/{id}/restore/", response: "RestoreVMResponse")
        case .togglePublicIP:
            return Endpoint(operation, .post, "/api/instances/{id}/public-ip/", body: "TogglePublicIPRequest",
                            bodyOptional: true, response: "ToggleVMPublicIPResponse")
        case .addSecurityRule:
            return Endpoint(operation, .post, "/api/instances/{id}/security-rules/", body: "VMSecurityRuleRequest",
                            response: "AddVMSecurityRuleResponse")
        case .removeSecurityRule:
            return Endpoint(operation, .delete, "/api/instances/{id}/security-rules/{rule_id}/",
                            response: "RemoveVMSecurityRuleResponse")
        case .deleteInstance:
            return Endpoint(operation, .delete, "/api/instances/{id}/", response: "DeleteVMResponse")
        case .listOSImages:
            return Endpoint(operation, .get, "/api/os-images/", query: ["region"] + pageParameters,
                            response: "OSImagesResponse", items: "images")
        case .listSSHKeys:
            return Endpoint(operation, .get, "/api/ssh-keys/", query: pageParameters,
                            response: "GetSSHKeysResponse", items: "ssh_keys")
        case .getSSHKey:
            return Endpoint(operation, .get, "/api/ssh-keys/{id}/", response: "GetSSHKeyResponse")
        case .createSSHKey:
            return Endpoint(operation, .post, "/api/ssh-keys/", body: "CreateSSHKeyRequest",
                            response: "CreateSSHKeyResponse")
        case .deleteSSHKey:
            return Endpoint(operation, .delete, "/api/ssh-keys/{id}/", response: "DeleteSSHKeyResponse")
        case .listVolumes:
            return Endpoint(operation, .get, "/api/volumes/", query: ["region"] + pageParameters,
                            response: "GetVolumesWithNextNameResponse", items: "volumes")
        case .createVolume:
            return Endpoint(operation, .post, "/api/volumes/", body: "CreateVolumeRequest",
                            response: "CreateVolumeResponse")
        case .getVolume:
            return Endpoint(operation, .get, "/api/volumes/{id}/", response: "GetVolumeDetailsResponse")
        case .deleteVolume:
            return Endpoint(operation, .delete, "/api/volumes/{id}/", response: "DeleteVolumeResponse")
        case .resizeVolume:
            return Endpoint(operation, .post, "/api/volumes/{id}/resize/", body: "ResizeVolumeRequest",
                            response: "ResizeVolumeResponse")
        case .cloneVolume:
            return Endpoint(operation, .post, "/api/volumes/{id}/clone/", body: "CloneVolumeRequest",
                            response: "CloneVolumeResponse")
        case .attachVolumes:
            return Endpoint(operation, .post, "/api/instances/{id}/volumes/attach/", body: "AttachVolumesRequest",
                            response: "AttachVolumesResponse")
        case .detachVolumes:
            return Endpoint(operation, .post, "/api/instances/{id}/volumes/detach/", body: "DetachVolumesRequest",
                            response: "DetachVolumesResponse")
        case .listVolumeTypes:
            return Endpoint(operation, .get, "/api/volumes/types/", query: ["region"] + pageParameters,
                            response: "GetVolumeTypesResponse", items: "volume_types")
        case .getVolumeBilling:
            return Endpoint(operation, .get, "/api/volumes/{id}/billing/", query: pageParameters,
                            response: "VolumeHourlyBillingResponse", items: "records")
        case .listFirewalls:
            return Endpoint(operation, .get, "/api/firewalls/", query: ["region"] + pageParameters,
                            response: "ListFirewallsResponse", items: "firewalls")
        case .getFirewall:
            return Endpoint(operation, .get, "/api/firewalls/{id}/", response: "GetFirewallDetailsResponse")
        case .listFirewallProtocols:
            return Endpoint(operation, .get, "/api/firewalls/protocols/", query: pageParameters,
                            response: "GetSupportedProtocolsResponse", items: "protocols")
        case .listInstanceFirewalls:
            return Endpoint(operation, .get, "/api/instances/{id}/firewalls/", query: pageParameters,
                            response: "GetVMAttachedFirewallsResponse", items: "firewalls")
        case .listFirewallAttachableInstances:
            return Endpoint(operation, .get, "/api/firewalls/{id}/available-instances/", query: pageParameters,
                            response: "GetFirewallAvailableInstancesResponse", items: "instances")
        case .createFirewall:
            return Endpoint(operation, .post, "/api/firewalls/", body: "CreateFirewallRequest",
                            response: "CreateFirewallResponse")
        case .deleteFirewall:
            return Endpoint(operation, .delete, "/api/firewalls/{id}/", response: "DeleteFirewallResponse")
        case .addFirewallRule:
            return Endpoint(operation, .post, "/api/firewalls/{id}/rules/", body: "AddFirewallRuleRequest",
                            response: "AddFirewallRuleResponse")
        case .removeFirewallRule:
            return Endpoint(operation, .delete, "/api/firewalls/{id}/rules/{rule_id}/",
                            response: "RemoveFirewallRuleResponse")
        case .attachFirewall:
            return Endpoint(operation, .post, "/api/firewalls/{id}/attach/", body: "AttachFirewallRequest",
                            response: "AttachFirewallResponse")
        case .listScripts:
            return Endpoint(operation, .get, "/api/scripts/", query: pageParameters,
                            response: "ScriptListResponse", items: "scripts")
        case .getScript:
            return Endpoint(operation, .get, "/api/scripts/{id}/", response: "ScriptResponse")
        case .createScript:
            return Endpoint(operation, .post, "/api/scripts/", body: "CreateScriptRequest", response: "ScriptResponse")
        case .updateScript:
            return Endpoint(operation, .put, "/api/scripts/{id}/", body: "UpdateScriptRequest",
                            response: "ScriptResponse", safe: true)
        case .deleteScript:
            return Endpoint(operation, .delete, "/api/scripts/{id}/", response: "DeleteScriptResponse")
        case .deleteScripts:
            return Endpoint(operation, .post, "/api/scripts/bulk-delete/", body: "DeleteScriptsRequest",
                            response: "DeleteScriptsResponse", items: "results")
        case .listSnapshots:
            return Endpoint(operation, .get, "/api/snapshots/", query: ["region"] + pageParameters,
                            response: "SnapshotListResponse", items: "snapshots")
        case .getSnapshot:
            return Endpoint(operation, .get, "/api/snapshots/{id}/", response: "SnapshotDetailResponse")
        case .listSnapshotEligibleInstances:
            return Endpoint(operation, .get, "/api/snapshots/eligible-instances/", query: ["region"] + pageParameters,
                            response: "ListUserVMsResponse", items: "instances")
        case .getSnapshotBilling:
            return Endpoint(operation, .get, "/api/snapshots/{id}/billing/", query: pageParameters,
                            response: "SnapshotBillingResponse", items: "records")
        case .createSnapshot:
            return Endpoint(operation, .post, "/api/snapshots/", body: "CreateSnapshotRequest",
                            response: "CreateSnapshotResponse")
        case .deleteSnapshot:
            return Endpoint(operation, .delete, "/api/snapshots/{id}/", response: "DeleteSnapshotResponse")
        case .restoreSnapshot:
            return Endpoint(operation, .post, "/api/snapshots/{id}/restore/", body: "RestoreSnapshotRequest",
                            bodyOptional: true, response: "RestoreSnapshotResponse")
        case .listImages:
            return Endpoint(operation, .get, "/api/images/", query: ["region"] + pageParameters,
                            response: "ImageListResponse", items: "images")
        case .getImage:
            return Endpoint(operation, .get, "/api/images/{id}/", response: "ImageDetailResponse")
        case .createImage:
            return Endpoint(operation, .post, "/api/images/", body: "CreateImageFromSnapshotRequest",
                            response: "ImageCreateResponse")
        case .deleteImage:
            return Endpoint(operation, .delete, "/api/images/{id}/", response: "ImageDeleteResponse")
        case .getSnapshotImage:
            return Endpoint(operation, .get, "/api/snapshots/{id}/image/",
                            response: "SnapshotImageRelationshipResponse")
        case .getSnapshotImages:
            return Endpoint(operation, .post, "/api/snapshots/images/",
                            body: "GetBatchSnapshotImageRelationshipsRequest",
                            response: "BatchSnapshotImageRelationshipResponse", safe: true, items: "relationships")
        case .listAIModels:
            return Endpoint(operation, .get, "/api/ai/models/", query: pageParameters,
                            response: "ModelsResponse", items: "models")
        case .chat:
            return Endpoint(operation, .post, "/api/ai/chat/completions/", body: "ChatCompletionsRequest",
                            response: "ChatCompletionsResponse")
        case .getAIUsageSummary:
            return Endpoint(operation, .get, "/api/ai/usage/summary/", query: ["from", "to"],
                            response: "UsageSummaryResponse")
        case .getAIUsageHistory:
            return Endpoint(operation, .get, "/api/ai/usage/history/", query: pageParameters,
                            response: "UsageHistoryResponse", items: "transactions")
        }
    }
}
