// One server and the members a test file registers on it. Usernames carry a per-run suffix so the suite also runs
// against a long-lived server (INTEROP_BASE_URL).
import { randomBytes } from "node:crypto";
import { Member } from "./member.js";
import { startServer } from "./server.js";

export async function startWorld() {
  const server = await startServer();
  const suffix = randomBytes(3).toString("hex");
  const members = [];
  return {
    baseUrl: server.baseUrl,
    async member(name) {
      const member = await Member.register(server.baseUrl, `${name}_${suffix}`);
      members.push(member);
      return member;
    },
    async stop({ showOutput = false } = {}) {
      for (const member of members) member.close();
      if (showOutput || process.env.INTEROP_SERVER_OUTPUT === "1") process.stderr.write(`--- server log ---\n${server.output()}`);
      await server.stop();
    },
  };
}
