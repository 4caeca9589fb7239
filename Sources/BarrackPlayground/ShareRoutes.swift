import BarrackAPI
import BarrackPlaygroundAssets
import Hummingbird

/// The share links' part of the API (docs/PLAYGROUND.md, "The page"): `POST /api/share` stores
/// the editor's script, `/s/ID` is the page, which reads the script from `GET /api/share/ID`.
extension PlaygroundServer {
    func addShareRoutes(to router: Router<BasicRequestContext>) {
        if let page = PlaygroundAssets.files["/"] {
            router.get("/s/:id") { request, _ in try self.served(page, request: request).response }
        }
        router.post("/api/share") { request, _ in
            let session = try self.session(request)
            let body = try await RequestJSON.object(request, limit: self.limits.scriptBytes * 2 + 1_024)
            guard case .string(let source)? = body["source"] else {
                throw PlaygroundError.badRequest("the body needs \"source\": the script to share, as a string")
            }
            let id = try self.shares.create(source, author: session.token)
            return JSONAnswer.response(["id": .string(id), "url": .string("/s/\(id)")])
        }
        router.get("/api/share/:id") { request, context in
            _ = try self.session(request)
            let id = context.parameters.get("id") ?? ""
            return JSONAnswer.response(["id": .string(id), "source": .string(try self.shares.source(id))])
        }
    }
}
