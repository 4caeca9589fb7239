/// Volume operations.
extension BarrackClient {
    /// One page of volumes (`list_volumes`).
    public func listVolumes(region: RegionEnum? = nil, page: Int? = nil, limit: Int? = nil) async throws
        -> APIResponse<GetVolumesWithNextNameResponse>
    {
        try await send(.listVolumes, query: ["region": region?.rawValue] + Self.pageQuery(page, limit))
    }

    /// Every volume, all pages joined.
    public func listAllVolumes(region: RegionEnum? = nil) async throws -> [VolumeResponse] {
        try await allPages { try await self.listVolumes(region: region, page: $0, limit: $1) }
    }

    /// Creates a volume (`create_volume`).
    public func createVolume(_ request: CreateVolumeRequest) async throws -> APIResponse<CreateVolumeResponse> {
        try await send(.createVolume, body: request)
    }

    /// One volume (`get_volume`).
    public func getVolume(id: String) async throws -> APIResponse<GetVolumeDetailsResponse> {
        try await send(.getVolume, path: ["id": id])
    }

    /// Deletes a detached volume (`delete_volume`).
    public func deleteVolume(id: String) async throws -> APIResponse<DeleteVolumeResponse> {
        try await send(.deleteVolume, path: ["id": id])
    }

    /// Grows a volume to `sizeGB` (`resize_volume`).
    public func resizeVolume(id: String, sizeGB: Int) async throws -> APIResponse<ResizeVolumeResponse> {
        try await send(.resizeVolume, path: ["id": id], body: ResizeVolumeRequest(sizeGB: sizeGB))
    }

    /// Copies a volume to a new one named `name` (`clone_volume`).
    public func cloneVolume(id: String, name: String) async throws -> APIResponse<CloneVolumeResponse> {
        try await send(.cloneVolume, path: ["id": id], body: CloneVolumeRequest(name: name))
    }

    /// Attaches volumes to an `ACTIVE` instance of their region (`attach_volumes`).
    public func attachVolumes(instanceID: String, volumeIDs: [String]) async throws
        -> APIResponse<AttachVolumesResponse>
    {
        try await send(.attachVolumes, path: ["id": instanceID], body: AttachVolumesRequest(volumeIDs: volumeIDs))
    }

    /// Detaches volumes from an instance (`detach_volumes`).
    public func detachVolumes(instanceID: String, volumeIDs: [String]) async throws
        -> APIResponse<DetachVolumesResponse>
    {
        try await send(.detachVolumes, path: ["id": instanceID], body: DetachVolumesRequest(volumeIDs: volumeIDs))
    }

    /// The volume types of a region, or of every region (`list_volume_types`).
    public func listVolumeTypes(region: RegionEnum? = nil) async throws -> APIResponse<GetVolumeTypesResponse> {
        try await sendEveryPage(.listVolumeTypes, query: ["region": region?.rawValue])
    }

    /// One page of a volume's billing records (`get_volume_billing`).
    public func getVolumeBilling(id: String, page: Int? = nil, limit: Int? = nil) async throws
        -> APIResponse<VolumeHourlyBillingResponse>
    {
        try await send(.getVolumeBilling, path: ["id": id], query: Self.pageQuery(page, limit))
    }
}
