// One user's event stream, GET /api/v1/events (CLARIFICATIONS §8): frames `data: <lower-case hex ServerEvent>`
// followed by a blank line, keep-alive comments `:`, and `event: lagged` notices. Every decoded event is kept in
// arrival order; a test claims the events it expects with `expect`, which waits a bounded time and fails with the
// list of what did arrive. Unclaimed events stay visible to `unclaimed()`, so a test can also prove that nothing
// else arrived (see Member.expectQuiet).
import { bytesToUuid, decode } from "./wire.js";

export const DEFAULT_EVENT_TIMEOUT_MS = Number(process.env.INTEROP_EVENT_TIMEOUT_MS ?? 10_000);

/** A readable one-liner for failure messages: `member_removed{group_id=…, removed_user_id=…}`. */
export function describeEvent(event) {
  const body = event[event.event];
  const fields = Object.entries(body).map(([k, v]) => `${k}=${v instanceof Uint8Array ? (v.length === 16 ? bytesToUuid(v) : Buffer.from(v).toString("hex")) : v}`);
  return `${event.event}{${fields.join(", ")}}`;
}

export class EventStream {
  constructor(label, response, controller) {
    this.label = label;
    this.controller = controller;
    this.events = [];
    this.claimed = new Set();
    this.lagged = [];
    this.problems = [];
    this.ended = false;
    this.waiters = new Set();
    this.headers = response.headers;
    this.pump = this.#read(response.body).catch((error) => {
      if (!controller.signal.aborted) this.problems.push(`stream failed: ${error.message}`);
    }).finally(() => {
      this.ended = true;
      this.#wake();
    });
  }

  /** Opens the stream and checks the response head the reference client insists on (CLARIFICATIONS §8.1). */
  static async open(baseUrl, token, label) {
    const controller = new AbortController();
    const response = await fetch(`${baseUrl}/api/v1/events`, {
      headers: { Authorization: `Bearer ${token}`, Accept: "text/event-stream" },
      signal: controller.signal,
    });
    const contentType = response.headers.get("content-type") ?? "";
    if (response.status !== 200 || !contentType.startsWith("text/event-stream")) {
      controller.abort();
      throw new Error(`${label}: GET /api/v1/events answered ${response.status} "${contentType}"`);
    }
    return new EventStream(label, response, controller);
  }

  async #read(body) {
    const decoder = new TextDecoder();
    let buffer = "";
    let frame = [];
    for await (const chunk of body) {
      buffer += decoder.decode(chunk, { stream: true });
      let newline;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, "");
        buffer = buffer.slice(newline + 1);
        if (line === "") {
          if (frame.length > 0) this.#frame(frame);
          frame = [];
        } else {
          frame.push(line);
        }
      }
    }
  }

  #frame(lines) {
    if (lines.every((l) => l.startsWith(":"))) return; // keep-alive
    const fields = lines.filter((l) => !l.startsWith(":")).map((l) => {
      const colon = l.indexOf(":");
      return colon < 0 ? [l, ""] : [l.slice(0, colon), l.slice(colon + 1).replace(/^ /, "")];
    });
    const name = fields.find(([k]) => k === "event")?.[1];
    const data = fields.filter(([k]) => k === "data").map(([, v]) => v).join("\n");
    if (name === "lagged") {
      this.lagged.push(data);
    } else if (name !== undefined) {
      this.problems.push(`unexpected event name "${name}"`);
    } else if (!/^([0-9a-f]{2})*$/.test(data)) {
      this.problems.push(`data is not lower-case hex: ${data.slice(0, 80)}`);
    } else {
      this.events.push(decode("ServerEvent", Buffer.from(data, "hex")));
    }
    this.#wake();
  }

  #wake() {
    for (const waiter of this.waiters) waiter();
  }

  unclaimed() {
    return this.events.filter((_, i) => !this.claimed.has(i));
  }

  #describeAll() {
    const lines = this.events.map((e, i) => `  ${this.claimed.has(i) ? "(claimed) " : ""}${describeEvent(e)}`);
    const extra = [...this.problems, ...this.lagged.map((n) => `lagged ${n}`)];
    return `${this.label} received:\n${lines.join("\n") || "  (nothing)"}${extra.length ? `\n  problems: ${extra.join("; ")}` : ""}`;
  }

  /**
   * Waits (bounded) for the first unclaimed event of `kind` whose payload satisfies `match`, claims and returns it.
   * `match` is a predicate or an object of expected field values (byte fields compared by content).
   */
  async expect(kind, match = {}, { timeoutMs = DEFAULT_EVENT_TIMEOUT_MS, what } = {}) {
    const predicate = typeof match === "function" ? match : (payload) => matchesFields(payload, match);
    const description = what ?? `${kind}${typeof match === "function" ? "" : ` ${JSON.stringify(match, idReplacer)}`}`;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.problems.length > 0 || this.lagged.length > 0) {
        throw new Error(`${this.label}: event stream is broken while waiting for ${description}\n${this.#describeAll()}`);
      }
      const index = this.events.findIndex((e, i) => !this.claimed.has(i) && e.event === kind && predicate(e[kind]));
      if (index >= 0) {
        this.claimed.add(index);
        return this.events[index][kind];
      }
      const left = deadline - Date.now();
      if (left <= 0 || this.ended) {
        throw new Error(`${this.label}: no ${description} within ${timeoutMs} ms${this.ended ? " (stream ended)" : ""}\n${this.#describeAll()}`);
      }
      await new Promise((resolve) => {
        const waiter = () => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve();
        };
        const timer = setTimeout(waiter, left);
        this.waiters.add(waiter);
      });
    }
  }

  /** Fails unless every event received so far was claimed. */
  assertAllClaimed(context) {
    const extra = this.unclaimed();
    if (extra.length > 0 || this.problems.length > 0 || this.lagged.length > 0) {
      throw new Error(`${this.label}: unexpected events ${context}\n${this.#describeAll()}`);
    }
  }

  /** Resolves when the server has ended the stream (decision 9: a deleted account's streams end). */
  async expectEnd(timeoutMs = DEFAULT_EVENT_TIMEOUT_MS) {
    const timeout = new Promise((_, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.label}: stream still open after ${timeoutMs} ms`)), timeoutMs);
      timer.unref();
    });
    await Promise.race([this.pump, timeout]);
  }

  close() {
    this.controller.abort();
  }
}

function matchesFields(payload, expected) {
  return Object.entries(expected).every(([key, value]) => {
    const actual = payload[key];
    if (value instanceof Uint8Array) return actual instanceof Uint8Array && Buffer.from(actual).equals(Buffer.from(value));
    return actual === value;
  });
}

function idReplacer(_key, value) {
  if (value instanceof Uint8Array) return value.length === 16 ? bytesToUuid(value) : Buffer.from(value).toString("hex");
  return value;
}
