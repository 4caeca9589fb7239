/// Snapshot and custom image operations (Legacy regions).
extension BarrackClient {
    /// The snapshots of a region, or of every region (`list_snapshots`).
    public func listSnapshots(region: RegionEnum? = nil) async throws -> APIResponse<SnapshotListResponse> {
        try await sendEveryPage(.listSnapshots, query: ["region": region?.rawValue])
    }

    /// One snapshot (`get_snapshot`).
    public func getSnapshot(id: String) async throws -> APIResponse<SnapshotDetailResponse> {
        try await send(.getSnapshot, path: ["id": id])
    }

    /// The instances a snapshot can be taken of (`list_snapshot_eligible_instances`).
    public func listSnapshotEligibleInstances(region: RegionEnum? = nil) async throws
        -> APIResponse<ListUserVMsResponse>
    {
        try await sendEveryPage(.listSnapshotEligibleInstances, query: ["region": region?.rawValue])
    }

    /// One page of a snapshot's billing records (`get_snapshot_billing`).
    public func getSnapshotBilling(id: String, page: Int? = nil, limit: Int? = nil) async throws
        -> APIResponse<SnapshotBillingResponse>
    {
        try await send(.getSnapshotBilling, path: ["id": id], query: Self.pageQuery(page, limit))
    }

    /// Snapshots an `ACTIVE` instance, which keeps running (`create_snapshot`).
    public func createSnapshot(_ request: CreateSnapshotRequest) async throws -> APIResponse<CreateSnapshotResponse> {
        try await send(.createSnapshot, body: request)
    }

    /// Deletes a snapshot; instances and images made from it stay (`delete_snapshot`).
    public func deleteSnapshot(id: String) async throws -> APIResponse<DeleteSnapshotResponse> {
        try await send(.deleteSnapshot, path: ["id": id])
    }

    /// Creates a new instance from a snapshot (`restore_snapshot`).
    public func restoreSnapshot(id: String, _ request: RestoreSnapshotRequest = RestoreSnapshotRequest()) async throws
        -> APIResponse<RestoreSnapshotResponse>
    {
        try await send(.restoreSnapshot, path: ["id": id], body: request)
    }

    /// The custom images of a region, or of every region (`list_images`).
    public func listImages(region: RegionEnum? = nil) async throws -> APIResponse<ImageListResponse> {
        try await sendEveryPage(.listImages, query: ["region": region?.rawValue])
    }

    /// One custom image (`get_image`).
    public func getImage(id: String) async throws -> APIResponse<ImageDetailResponse> {
        try await send(.getImage, path: ["id": id])
    }

    /// Makes a custom image from an `AVAILABLE` snapshot (`create_image`).
    public func createImage(_ request: CreateImageFromSnapshotRequest) async throws -> APIResponse<ImageCreateResponse> {
        try await send(.createImage, body: request)
    }

    /// Deletes a custom image (`delete_image`).
    public func deleteImage(id: String) async throws -> APIResponse<ImageDeleteResponse> {
        try await send(.deleteImage, path: ["id": id])
    }

    /// The custom image made from a snapshot, if any (`get_snapshot_image`).
    public func getSnapshotImage(snapshotID: String) async throws -> APIResponse<SnapshotImageRelationshipResponse> {
        try await send(.getSnapshotImage, path: ["id": snapshotID])
    }

    /// The custom images made from several snapshots (`get_snapshot_images`).
    public func getSnapshotImages(snapshotIDs: [String]) async throws
        -> APIResponse<BatchSnapshotImageRelationshipResponse>
    {
        try await send(.getSnapshotImages, body: GetBatchSnapshotImageRelationshipsRequest(snapshotIDs: snapshotIDs))
    }
}
