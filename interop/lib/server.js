// The server under test. With INTEROP_BASE_URL set, the suite talks to that server (it must be fresh: the flows
// register their own users but assume nothing else about the database). Otherwise it starts the real server from
// this repository's build as a child process, `dotnet <Conclave.Api.dll> --config <temp>.json`, on free loopback
// ports with a temporary SQLite file, and stops it afterwards.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));
const defaultDll = join(repositoryRoot, "src/Api/bin/Debug/net10.0/Conclave.Api.dll");
const START_TIMEOUT_MS = 60_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts (or attaches to) the server; returns { baseUrl, stop(), output() }. */
export async function startServer() {
  if (process.env.INTEROP_BASE_URL) {
    const baseUrl = process.env.INTEROP_BASE_URL.replace(/\/+$/, "");
    return { baseUrl, stop: async () => {}, output: () => "(external server)" };
  }
  const dll = process.env.INTEROP_SERVER_DLL ?? defaultDll;
  if (!existsSync(dll)) {
    throw new Error(`server build not found at ${dll}: run \`dotnet build src/Api\` at the repository root, or set INTEROP_SERVER_DLL or INTEROP_BASE_URL`);
  }
  const folder = mkdtempSync(join(tmpdir(), "conclave-interop-"));
  const port = await freePort();
  const config = {
    listen_address: "127.0.0.1",
    listen_port: port,
    grpc_port: await freePort(),
    database_path: join(folder, "conclave.db"),
  };
  const configPath = join(folder, "conclave.json");
  writeFileSync(configPath, JSON.stringify(config, null, 2));

  // The server reads CONCLAVE_<FIELD> overrides; none may leak in from the caller's environment.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("CONCLAVE_")));
  const child = spawn(process.env.INTEROP_DOTNET ?? "dotnet", [dll, "--config", configPath], { cwd: folder, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  let exitInfo;
  exited.then((info) => (exitInfo = info));
  for (;;) {
    if (exitInfo) throw new Error(`server exited during start-up (${JSON.stringify(exitInfo)}):\n${output}`);
    try {
      // Any HTTP answer means the listener is up; an unauthenticated GET /me is a cheap one (401).
      const res = await fetch(`${baseUrl}/api/v1/me`);
      await res.arrayBuffer();
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`server did not answer on ${baseUrl} within ${START_TIMEOUT_MS} ms:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  return {
    baseUrl,
    output: () => output,
    async stop() {
      if (!exitInfo) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
