// The wire schema, loaded at run time from the repository's proto/ (the same file the server compiles), and the
// id conventions of spec/architecture/id-referencing.md: 16-byte big-endian UUIDs in bodies, lower-case hyphenated
// text in paths.
import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";

const protoPath = fileURLToPath(new URL("../../proto/conclave/v1/conclave.proto", import.meta.url));
// keepCase: fields keep the proto's snake_case names (group_id, not groupId).
const root = new protobuf.Root().loadSync(protoPath, { keepCase: true });
root.resolveAll();

/** The protobufjs type `conclave.v1.<name>`. */
export function type(name) {
  return root.lookupType(`conclave.v1.${name}`);
}

export function enumValues(name) {
  return root.lookupEnum(`conclave.v1.${name}`).values;
}

export function encode(typeName, fields) {
  const t = type(typeName);
  const problem = t.verify(fields);
  if (problem) throw new Error(`${typeName}: ${problem}`);
  return t.encode(t.fromObject(fields)).finish();
}

/** Decodes into a plain object: every field present (defaults included), uint64 as Number, enums as numbers. */
export function decode(typeName, bytes) {
  const t = type(typeName);
  return t.toObject(t.decode(bytes), { longs: Number, enums: Number, defaults: true, arrays: true, oneofs: true });
}

export function uuidToBytes(text) {
  const hex = text.replaceAll("-", "");
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: ${text}`);
  return Uint8Array.from(Buffer.from(hex, "hex"));
}

export function bytesToUuid(bytes) {
  if (bytes.length !== 16) throw new Error(`an id must be 16 bytes, got ${bytes.length}`);
  const hex = Buffer.from(bytes).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function sameBytes(a, b) {
  return Buffer.from(a).equals(Buffer.from(b));
}
