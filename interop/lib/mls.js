// The MLS side, on ts-mls (an RFC 9420 implementation independent of the reference client) with the cipher suite
// spec/mls/overview.md mandates: 6, MLS_256_DHKEMX448_CHACHA20POLY1305_SHA512_Ed448. Identity per
// spec/mls/identity.md: a BasicCredential whose identity is the 16 raw bytes of the user id, and
// fingerprint = lowercase hex SHA-256 of the signing public key.
import { createHash, randomBytes } from "node:crypto";
import {
  createGroupInfoWithExternalPubAndRatchetTree,
  decodeMlsMessage,
  defaultCapabilities,
  defaultKeyRetentionConfig,
  defaultLifetime,
  encodeMlsMessage,
  generateKeyPackageWithKey,
  getCiphersuiteFromName,
  getCiphersuiteImpl,
} from "ts-mls";
import { defaultClientConfig } from "ts-mls/clientConfig.js";
import { makeKeyPackageRef } from "ts-mls/keyPackage.js";
import { bytesToUuid, sameBytes } from "./wire.js";

export const CIPHER_SUITE_NAME = "MLS_256_DHKEMX448_CHACHA20POLY1305_SHA512_Ed448";

let implementation;
/** The cipher suite 6 implementation (X448, ChaCha20-Poly1305, SHA-512, Ed448). */
export async function suite() {
  implementation ??= await getCiphersuiteImpl(getCiphersuiteFromName(CIPHER_SUITE_NAME));
  return implementation;
}

/** Key material for ~16 past epochs (spec/mls/overview.md, "Epoch Retention"). */
export const clientConfig = {
  ...defaultClientConfig,
  keyRetentionConfig: { ...defaultKeyRetentionConfig, retainKeysForEpochs: 16 },
};

function sameIdentity(a, b) {
  return a.credentialType === "basic" && b.credentialType === "basic" && sameBytes(a.identity, b.identity);
}

/**
 * For the rejoin after an account reset only: ts-mls's external-commit resync finds the member's old leaf by
 * signature key, which the reset replaced; matching by credential identity (the 16-byte user id) finds it
 * (CLARIFICATIONS §12).
 */
export const rejoinConfig = {
  ...clientConfig,
  keyPackageEqualityConfig: {
    compareKeyPackages: (a, b) => sameIdentity(a.leafNode.credential, b.leafNode.credential),
    compareKeyPackageToLeafNode: (a, leaf) => sameIdentity(a.leafNode.credential, leaf.credential),
  },
};

export function fingerprintOf(signaturePublicKey) {
  return createHash("sha256").update(signaturePublicKey).digest("hex");
}

/** One user's MLS identity: an Ed448 signing key pair and the key packages generated with it. */
export class MlsIdentity {
  constructor(userIdBytes, keyPair) {
    this.userIdBytes = userIdBytes;
    this.keyPair = keyPair;
    this.credential = { credentialType: "basic", identity: userIdBytes };
    this.fingerprint = fingerprintOf(keyPair.publicKey);
    this.unusedKeyPackages = []; // { publicPackage, privatePackage, bytes, ref }
  }

  static async create(userIdBytes) {
    const cs = await suite();
    return new MlsIdentity(userIdBytes, await cs.signature.keygen());
  }

  /**
   * A new key package and its MLSMessage encoding, as uploaded. Unless `keep` is false (a package for the member's
   * own leaf), it is kept until a Welcome uses it.
   */
  async newKeyPackage(keep = true) {
    const cs = await suite();
    const { publicPackage, privatePackage } = await generateKeyPackageWithKey(this.credential, defaultCapabilities(), defaultLifetime, [], this.keyPair, cs);
    const bytes = encodeMlsMessage({ version: "mls10", wireformat: "mls_key_package", keyPackage: publicPackage });
    const entry = { publicPackage, privatePackage, bytes, ref: await makeKeyPackageRef(publicPackage, cs.hash) };
    if (keep) this.unusedKeyPackages.push(entry);
    return entry;
  }

  /** The key package a Welcome was built for (matched by KeyPackageRef, RFC 9420 §12.4.3.1); it is used up. */
  takeKeyPackageFor(welcome) {
    const index = this.unusedKeyPackages.findIndex((kp) => welcome.secrets.some((s) => sameBytes(s.newMember, kp.ref)));
    if (index < 0) throw new Error("the Welcome is for none of this identity's key packages");
    return this.unusedKeyPackages.splice(index, 1)[0];
  }
}

export function encodeMessage(message) {
  return encodeMlsMessage(message);
}

/** Decodes one MLSMessage and checks its wire format. */
export function decodeMessage(bytes, expectedWireformat = undefined) {
  const decoded = decodeMlsMessage(Uint8Array.from(bytes), 0);
  if (decoded === undefined) throw new Error("not an MLSMessage");
  const [message, length] = decoded;
  if (length !== bytes.length) throw new Error(`MLSMessage has ${bytes.length - length} trailing bytes`);
  if (expectedWireformat !== undefined && message.wireformat !== expectedWireformat) {
    throw new Error(`expected ${expectedWireformat}, got ${message.wireformat}`);
  }
  return message;
}

/** The epoch a handshake or application message belongs to. */
export function epochOf(message) {
  if (message.wireformat === "mls_private_message") return message.privateMessage.epoch;
  if (message.wireformat === "mls_public_message") return message.publicMessage.content.epoch;
  throw new Error(`no epoch in a ${message.wireformat}`);
}

/** GroupInfo as stored by the server: an MLSMessage with external_pub and the ratchet tree (CLARIFICATIONS §12). */
export async function exportGroupInfo(state) {
  const groupInfo = await createGroupInfoWithExternalPubAndRatchetTree(state, [], await suite());
  return encodeMlsMessage({ version: "mls10", wireformat: "mls_group_info", groupInfo });
}

export function newMlsGroupId() {
  return Uint8Array.from(randomBytes(32));
}

/** The occupied leaves of a group: [{ leafIndex, userId (uuid text), fingerprint }]. */
export function members(state) {
  const result = [];
  state.ratchetTree.forEach((node, nodeIndex) => {
    if (node?.nodeType === "leaf") {
      result.push({ leafIndex: nodeIndex / 2, userId: bytesToUuid(node.leaf.credential.identity), fingerprint: fingerprintOf(node.leaf.signaturePublicKey) });
    }
  });
  return result;
}

export function leafIndexOf(state, userId) {
  const leaf = members(state).find((m) => m.userId === userId);
  if (leaf === undefined) throw new Error(`user ${userId} has no leaf in the group`);
  return leaf.leafIndex;
}
