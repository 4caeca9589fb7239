import BarrackAPI
import BarrackPlaygroundAssets
import Foundation
import Hummingbird

/// The class's part of the API (docs/PLAYGROUND.md, "A class"): `/c/NAME` joins a learner, the
/// learner's page reads the teacher's messages, and the teacher's view (`/teacher`, with the key)
/// reads every learner's progress and sends a snippet or a lesson to everyone. A learner's code
/// and sandbox are never in it: the teacher sees lessons done, runs, the last error and spend.
extension PlaygroundServer {
    /// The header the teacher's view sends its key in.
    static let teacherKeyHeader = "X-Teacher-Key"

    func addClassRoutes(to router: Router<BasicRequestContext>) {
        if let page = PlaygroundAssets.files["/"] {
            router.get("/c/:name") { request, context in
                let classroom = try self.classroom(named: context.parameters.get("name"))
                let (response, token) = try self.served(page, request: request)
                if let token { try self.registry.store.join(token, className: classroom.name) }
                return response
            }
        }
        router.get("/api/class") { request, _ in
            let session = try self.session(request)
            guard let classroom, let member = try self.registry.store.membership(session.token),
                  member.className == classroom.name else {
                return JSONAnswer.response(["class": .null, "learner": .null, "last_message": .int(0)])
            }
            return JSONAnswer.response(["class": .string(classroom.name), "learner": .int(member.learner),
                                        "last_message": .int(try self.registry.store.lastMessage(toClass: classroom.name))])
        }
        router.get("/api/class/messages") { request, _ in
            let session = try self.session(request)
            let classroom = try self.classroom(named: nil)
            guard try self.registry.store.membership(session.token)?.className == classroom.name else {
                throw PlaygroundError(status: .forbidden, code: "NOT_IN_CLASS",
                                      message: "this session has not joined the class: open /c/\(classroom.name)")
            }
            let after = try Self.after(request)
            let messages = try self.registry.store.messages(toClass: classroom.name, after: after).map { message -> JSONValue in
                ["seq": .int(message.seq), "kind": .string(message.kind), "body": .string(message.body)]
            }
            return JSONAnswer.response(["messages": .array(messages)])
        }
        router.get("/api/teacher/learners") { request, _ in
            let classroom = try self.teacher(request)
            return JSONAnswer.response(try self.progress(of: classroom))
        }
        router.post("/api/teacher/send") { request, _ in
            let classroom = try self.teacher(request)
            let body = try await RequestJSON.object(request, limit: self.limits.scriptBytes * 2 + 1_024)
            let kind: String
            let text: String
            switch (body["snippet"], body["lesson"]) {
            case (.string(let snippet)?, nil):
                guard snippet.utf8.count <= self.limits.scriptBytes else {
                    throw PlaygroundError(status: .contentTooLarge, code: "TOO_LARGE",
                                          message: "the snippet has \(snippet.utf8.count) bytes; the limit is \(self.limits.scriptBytes)")
                }
                (kind, text) = ("snippet", snippet)
            case (nil, .string(let lesson)?):
                guard Lesson.all.contains(where: { $0.id == lesson }) else {
                    throw PlaygroundError(status: .notFound, code: "NOT_FOUND", message: "there is no lesson '\(lesson)'")
                }
                (kind, text) = ("lesson", lesson)
            default:
                throw PlaygroundError.badRequest("the body needs either \"snippet\" (a script, as a string) or \"lesson\" (a lesson's id)")
            }
            let seq = try self.registry.store.postMessage(toClass: classroom.name, kind: kind, body: text,
                                                          at: Date().timeIntervalSince1970)
            return JSONAnswer.response(["seq": .int(seq)])
        }
    }

    /// The class served, when `name` (from a URL; nil: any) is its name; `404 NOT_FOUND` else.
    private func classroom(named name: String?) throws -> PlaygroundClass {
        guard let classroom else {
            throw PlaygroundError(status: .notFound, code: "NOT_FOUND",
                                  message: "this playground serves no class: start it with --class NAME --teacher-key KEY")
        }
        if let name, name != classroom.name {
            throw PlaygroundError(status: .notFound, code: "NOT_FOUND", message: "there is no class '\(name)' here")
        }
        return classroom
    }

    /// The class, for a request that carries the teacher's key; `401 TEACHER_KEY` without it.
    private func teacher(_ request: Request) throws -> PlaygroundClass {
        let classroom = try classroom(named: nil)
        let offered = request.headers.first { $0.name.canonicalName == Self.teacherKeyHeader.lowercased() }?.value
        guard classroom.admits(offered) else {
            throw PlaygroundError(status: .unauthorized, code: "TEACHER_KEY",
                                  message: "the teacher's view needs the key given to --teacher-key, in the \(Self.teacherKeyHeader) header")
        }
        return classroom
    }

    /// `?after=N` of the messages' request (0 without it).
    private static func after(_ request: Request) throws -> Int {
        guard let text = request.uri.queryParameters["after"] else { return 0 }
        guard let number = Int(text), number >= 0 else {
            throw PlaygroundError.badRequest("after must be a message number (0 or more); got '\(text)'")
        }
        return number
    }

    /// What the teacher's view shows: every learner's lessons done, runs, last error and spend.
    private func progress(of classroom: PlaygroundClass) throws -> JSONValue {
        let learners = try registry.store.learners(ofClass: classroom.name).map { learner -> JSONValue in
            let sandbox = try registry.peek(learner.token)?.sandbox
            return ["learner": .int(learner.learner), "runs": .int(learner.runs),
                    "last_error": learner.lastError.map(JSONValue.string) ?? .null,
                    "lessons_done": .array(learner.lessonsDone.map(JSONValue.string)),
                    "spent": sandbox.map { .double($0.charged) } ?? .null,
                    "currency": sandbox.map { .string($0.balance.currency) } ?? .null]
        }
        return ["class": .string(classroom.name), "lessons": .array(Lesson.all.map { .string($0.id) }),
                "learners": .array(learners)]
    }
}
