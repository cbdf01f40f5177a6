// A Conclave user as a client would be: a session with the server, an open event stream, an MLS identity and the
// MLS state of every group it is in. Each method is one step of a flow in spec/flows/, done the way the spec
// describes (or, where ts-mls cannot, the closest valid MLS operation; see interop/README.md).
import assert from "node:assert/strict";
import {
  acceptAll,
  createApplicationMessage,
  createCommit,
  createGroup,
  createProposal,
  emptyPskIndex,
  joinGroup,
  joinGroupExternal,
  processMessage,
} from "ts-mls";
import { Api } from "./api.js";
import { EventStream } from "./events.js";
import {
  clientConfig,
  decodeMessage,
  encodeMessage,
  epochOf,
  exportGroupInfo,
  fingerprintOf,
  leafIndexOf,
  MlsIdentity,
  newMlsGroupId,
  rejoinConfig,
  suite,
} from "./mls.js";
import { bytesToUuid, enumValues, sameBytes, uuidToBytes } from "./wire.js";

const GroupUpdateType = enumValues("GroupUpdateType");
const PAGE = 100; // the server's default fetch limit; the reference client never sends `limit`

function hex(bytes) {
  return Buffer.from(bytes).toString("hex");
}

/** What a member knows about one group: the server id, the MLS state and the message cursor. */
class GroupSession {
  constructor(groupId, state) {
    this.groupId = groupId; // uuid text
    this.state = state;
    this.cursor = 0; // highest sequence number fetched
    this.joinedEpoch = state.groupContext.epoch; // handshakes of earlier epochs predate this member's leaf
    this.pendingInvites = new Map(); // invitee uuid -> { before: the pre-invite state }
  }

  get epoch() {
    return this.state.groupContext.epoch;
  }

  get mlsGroupId() {
    return hex(this.state.groupContext.groupId);
  }
}

export class Member {
  constructor(baseUrl, username, password) {
    this.baseUrl = baseUrl;
    this.username = username;
    this.password = password;
    this.groups = new Map();
    this.barriers = 0;
  }

  /**
   * spec/flows/registration.md: register (201), log in, generate the MLS identity, upload 5 regular + 1 last-resort
   * key packages with the fingerprint, open the event stream.
   */
  static async register(baseUrl, username) {
    const member = new Member(baseUrl, username, `pw-${username}-secret`);
    const anonymous = new Api(baseUrl);
    const registered = await anonymous.register(username, member.password);
    assert.equal(registered.user_id.length, 16, "RegisterResponse.user_id is 16 bytes");
    const login = await anonymous.login(username, member.password);
    assert.ok(sameBytes(login.user_id, registered.user_id), "login returns the registered user id");
    assert.equal(login.username, username);
    assert.match(login.token, /.+/);
    member.userId = Uint8Array.from(login.user_id);
    member.id = bytesToUuid(member.userId);
    member.token = login.token;
    member.api = anonymous.withToken(login.token);
    member.identity = await MlsIdentity.create(member.userId);
    member.uploaded = await member.uploadKeyPackages(5, true);
    member.events = await EventStream.open(baseUrl, login.token, username);
    return member;
  }

  /** Uploads `regular` new key packages (+ a last-resort one) with this identity's fingerprint. */
  async uploadKeyPackages(regular, withLastResort) {
    const entries = [];
    for (let i = 0; i < regular; i++) entries.push({ data: (await this.identity.newKeyPackage()).bytes, is_last_resort: false });
    // Last resort is only KeyPackageEntry.is_last_resort: ts-mls emits no last_resort extension (CLARIFICATIONS §12).
    if (withLastResort) entries.push({ data: (await this.identity.newKeyPackage()).bytes, is_last_resort: true });
    await this.api.uploadKeyPackages(entries, this.identity.fingerprint);
    return entries;
  }

  session(groupId) {
    const session = this.groups.get(groupId);
    if (session === undefined) throw new Error(`${this.username} has no MLS state for group ${groupId}`);
    return session;
  }

  /** A key package for this member's own leaf (creating a group, external commits); never uploaded. */
  ownLeafPackage() {
    return this.identity.newKeyPackage(false);
  }

  /**
   * spec/flows/group-messaging.md, group creation: POST /groups (201), create the MLS group, build the initial
   * commit, upload it with GroupInfo and the hex MLS group id.
   */
  async createGroup(groupName, alias = "") {
    const created = await this.api.createGroup(groupName, alias);
    const groupId = bytesToUuid(created.group_id);
    const cs = await suite();
    const leaf = await this.ownLeafPackage();
    const initial = await createGroup(newMlsGroupId(), leaf.publicPackage, leaf.privatePackage, [], cs, clientConfig);
    const commit = await createCommit({ state: initial, cipherSuite: cs }, { ratchetTreeExtension: true });
    const session = new GroupSession(groupId, commit.newState);
    this.groups.set(groupId, session);
    const upload = { commitMessage: encodeMessage(commit.commit), groupInfo: await exportGroupInfo(commit.newState), mlsGroupId: session.mlsGroupId };
    await this.api.uploadCommit(groupId, upload);
    return { groupId, ...upload };
  }

  /** Builds a commit from the current state (extra proposals optional) and advances to its epoch. */
  async #commit(session, proposals = []) {
    const cs = await suite();
    const result = await createCommit({ state: session.state, cipherSuite: cs }, { extraProposals: proposals, ratchetTreeExtension: true });
    session.state = result.newState;
    return { result, commitMessage: encodeMessage(result.commit), groupInfo: await exportGroupInfo(result.newState) };
  }

  /** spec/flows/key-rotation.md: an empty commit with the new GroupInfo through POST /groups/{id}/commit. */
  async rotate(groupId) {
    const session = this.session(groupId);
    const { commitMessage, groupInfo } = await this.#commit(session);
    await this.api.uploadCommit(groupId, { commitMessage, groupInfo });
    return { commitMessage, groupInfo, epoch: session.epoch };
  }

  /** Commits Remove proposals for the given leaves through POST /groups/{id}/commit. */
  async commitRemovals(groupId, userIds) {
    const session = this.session(groupId);
    const proposals = userIds.map((id) => ({ proposalType: "remove", remove: { removed: leafIndexOf(session.state, id) } }));
    const { commitMessage, groupInfo } = await this.#commit(session, proposals);
    await this.api.uploadCommit(groupId, { commitMessage, groupInfo });
    return { commitMessage, groupInfo };
  }

  /**
   * spec/flows/escrow-invite.md phases 1 and 2: consume the invitee's key package via POST /invite, check it is the
   * invitee's (credential identity, fingerprint), build the Add commit and Welcome, escrow them with GroupInfo.
   * The pre-invite state is kept until the invite resolves (CLARIFICATIONS §12).
   */
  async invite(groupId, invitee) {
    const session = this.session(groupId);
    const { member_key_packages: packages } = await this.api.inviteKeyPackages(groupId, [invitee.userId]);
    assert.equal(packages.length, 1, "one key package per invited user");
    assert.ok(sameBytes(packages[0].user_id, invitee.userId), "the key package is returned under the invitee's id");
    const keyPackage = decodeMessage(packages[0].key_package_data, "mls_key_package").keyPackage;
    assert.ok(sameBytes(keyPackage.leafNode.credential.identity, invitee.userId), "the key package's BasicCredential is the invitee's user id");
    const { signing_key_fingerprint: fingerprint } = await this.api.userById(invitee.userId);
    assert.equal(fingerprint, invitee.identity.fingerprint, "the server reports the invitee's fingerprint");
    assert.equal(fingerprintOf(keyPackage.leafNode.signaturePublicKey), fingerprint, "the key package is signed by the key the fingerprint names");

    const before = session.state;
    const { result, commitMessage, groupInfo } = await this.#commit(session, [{ proposalType: "add", add: { keyPackage } }]);
    assert.ok(result.welcome, "an Add commit yields a Welcome");
    const welcomeMessage = encodeMessage({ version: "mls10", wireformat: "mls_welcome", welcome: result.welcome });
    session.pendingInvites.set(invitee.id, { before });
    await this.api.escrowInvite(groupId, invitee.userId, commitMessage, welcomeMessage, groupInfo);
    return { commitMessage, welcomeMessage, groupInfo };
  }

  /** The invite was accepted: the escrowed commit is now the group's (published under this inviter's id). */
  inviteAccepted(groupId, invitee) {
    assert.ok(this.session(groupId).pendingInvites.delete(invitee.id), `${this.username} had a pending invite for ${invitee.username}`);
  }

  /**
   * The invite was declined or cancelled: the Add commit was never published, so nobody else can process anything
   * built on it. Discard it and return to the pre-invite state (CLARIFICATIONS §12), then rotate from there.
   */
  async inviteWithdrawn(groupId, invitee) {
    const session = this.session(groupId);
    const pending = session.pendingInvites.get(invitee.id);
    assert.ok(pending, `${this.username} had a pending invite for ${invitee.username}`);
    session.pendingInvites.delete(invitee.id);
    session.state = pending.before;
    return this.rotate(groupId);
  }

  /** spec/flows/escrow-invite.md phase 3a, invitee side after POST /invites/{id}/accept: fetch, join, acknowledge. */
  async joinFromWelcome(groupId) {
    const { welcomes } = await this.api.pendingWelcomes();
    const pending = welcomes.find((w) => bytesToUuid(w.group_id) === groupId);
    assert.ok(pending, `${this.username} has a pending Welcome for ${groupId}`);
    const welcome = decodeMessage(pending.welcome_message, "mls_welcome").welcome;
    const keyPackage = this.identity.takeKeyPackageFor(welcome);
    const cs = await suite();
    // The Welcome carries the ratchet tree extension, so no tree is passed in.
    const state = await joinGroup(welcome, keyPackage.publicPackage, keyPackage.privatePackage, emptyPskIndex, cs, undefined, undefined, clientConfig);
    const session = new GroupSession(groupId, state);
    this.groups.set(groupId, session);
    await this.api.acceptWelcome(pending.welcome_id);
    await this.uploadKeyPackages(1, false); // replacement for the consumed package
    return { welcome: pending, session };
  }

  /** spec/flows/group-messaging.md, sending: encrypt, POST /messages; returns the sequence number. */
  async send(groupId, text) {
    const session = this.session(groupId);
    const cs = await suite();
    const { newState, privateMessage } = await createApplicationMessage(session.state, new TextEncoder().encode(text), cs);
    session.state = newState;
    const mlsMessage = encodeMessage({ version: "mls10", wireformat: "mls_private_message", privateMessage });
    const { sequence_num } = await this.api.sendMessage(groupId, mlsMessage);
    return { sequence: sequence_num, mlsMessage };
  }

  /**
   * spec/flows/group-messaging.md, receiving: GET /messages?after=<cursor> until a short page, processing every
   * message in sequence order, skipping this member's own and handshakes older than its leaf (CLARIFICATIONS §12).
   * Returns the decrypted texts and the handshake messages processed.
   */
  async sync(groupId) {
    const session = this.session(groupId);
    const cs = await suite();
    const texts = [];
    const handshakes = [];
    const fetched = [];
    for (;;) {
      const { messages } = await this.api.messages(groupId, session.cursor);
      for (const stored of messages) {
        assert.ok(stored.sequence_num > session.cursor, `messages after ${session.cursor} arrive in ascending order (got ${stored.sequence_num})`);
        session.cursor = stored.sequence_num;
        fetched.push(stored);
        const sender = bytesToUuid(stored.sender_id);
        if (sender === this.id) continue;
        const message = decodeMessage(stored.mls_message);
        if (epochOf(message) < session.joinedEpoch) continue;
        const result = await processMessage(message, session.state, emptyPskIndex, acceptAll, cs);
        session.state = result.newState;
        if (result.kind === "applicationMessage") {
          texts.push({ sequence: stored.sequence_num, sender, text: new TextDecoder().decode(result.message) });
        } else {
          handshakes.push({ sequence: stored.sequence_num, sender, wireformat: message.wireformat, epoch: session.epoch });
        }
      }
      if (messages.length < PAGE) break;
    }
    return { texts, handshakes, fetched };
  }

  /** Decrypts one stored message with this member's current state without keeping the result (for negative checks). */
  async tryDecrypt(groupId, mlsMessage) {
    const cs = await suite();
    const result = await processMessage(decodeMessage(mlsMessage), this.session(groupId).state, emptyPskIndex, acceptAll, cs);
    return result.kind === "applicationMessage" ? new TextDecoder().decode(result.message) : result.kind;
  }

  /** Processes a handshake message given out of band (e.g. a commit this member can no longer fetch). */
  async processOutOfBand(groupId, mlsMessage) {
    const session = this.session(groupId);
    const result = await processMessage(decodeMessage(mlsMessage), session.state, emptyPskIndex, acceptAll, await suite());
    session.state = result.newState;
    return result;
  }

  /** spec/flows/member-removal.md, kick: a Remove commit for the target's leaf (found by credential identity). */
  async remove(groupId, target) {
    const session = this.session(groupId);
    const leaf = leafIndexOf(session.state, target.id);
    const { commitMessage, groupInfo } = await this.#commit(session, [{ proposalType: "remove", remove: { removed: leaf } }]);
    await this.api.remove(groupId, target.userId, commitMessage, groupInfo);
    return { commitMessage, groupInfo };
  }

  /**
   * spec/flows/member-removal.md, leave: RFC 9420 forbids a commit removing its own committer, so the leaver sends a
   * Remove proposal for its own leaf as LeaveGroupRequest.commit_message (CLARIFICATIONS §12); a remaining member
   * commits it. No GroupInfo (a proposal does not change the epoch).
   */
  async leave(groupId) {
    const session = this.session(groupId);
    const ownLeaf = session.state.privatePath.leafIndex;
    const { message, newState } = await createProposal(session.state, false, { proposalType: "remove", remove: { removed: ownLeaf } }, await suite());
    session.state = newState;
    const proposal = encodeMessage(message);
    await this.api.leave(groupId, proposal);
    // A client now deletes its MLS state for the group; it is kept here so a test can show it is useless.
    return { proposal };
  }

  /** A pending proposal received by sync() is committed (with the new GroupInfo) by this member. */
  async commitPending(groupId) {
    const session = this.session(groupId);
    const pending = Object.keys(session.state.unappliedProposals).length;
    assert.ok(pending > 0, `${this.username} has proposals to commit`);
    const { commitMessage, groupInfo } = await this.#commit(session);
    await this.api.uploadCommit(groupId, { commitMessage, groupInfo });
    return { commitMessage, groupInfo };
  }


  /**
   * spec/flows/account-reset.md: list groups, POST /reset-account, a new signing key and fresh key packages with the
   * new fingerprint; all local MLS state is dropped.
   */
  async resetAccount() {
    const { groups } = await this.api.listGroups();
    await this.api.resetAccount();
    this.groups.clear();
    this.identity = await MlsIdentity.create(this.userId);
    await this.uploadKeyPackages(5, true);
    return groups;
  }

  /** spec/flows/account-reset.md, rejoin: GET /group-info, an external commit replacing the old leaf, /external-join. */
  async rejoin(groupId) {
    const { group_info: groupInfoBytes } = await this.api.groupInfo(groupId);
    return this.externalCommitFrom(groupId, groupInfoBytes, true);
  }

  /**
   * An external commit (RFC 9420 §12.4.3.2) from the given GroupInfo through POST /external-join: a public-room
   * joiner after POST /join (spec/mls/group-lifecycle.md), or with `resync` the rejoin after a reset.
   */
  async externalCommitFrom(groupId, groupInfoBytes, resync = false) {
    const groupInfo = decodeMessage(groupInfoBytes, "mls_group_info").groupInfo;
    const leaf = await this.ownLeafPackage();
    const cs = await suite();
    const { publicMessage, newState } = await joinGroupExternal(groupInfo, leaf.publicPackage, leaf.privatePackage, resync, cs, undefined, resync ? rejoinConfig : clientConfig);
    const state = { ...newState, clientConfig };
    const session = new GroupSession(groupId, state);
    this.groups.set(groupId, session);
    const commitMessage = encodeMessage({ version: "mls10", wireformat: "mls_public_message", publicMessage });
    await this.api.externalJoin(groupId, commitMessage, session.mlsGroupId);
    return { commitMessage, session };
  }

  /**
   * Proves that nothing but the claimed events reached this member: a barrier event only this member receives
   * (PATCH of a group only it belongs to → GroupUpdate(GROUP_SETTINGS) to its members, CLARIFICATIONS §3.1) is
   * awaited; events reach a stream in publication order and are published before the response that caused them
   * (§2.7, §8.3), so anything addressed to this member earlier has arrived by then.
   */
  async expectQuiet(context) {
    if (this.sentinel === undefined) {
      this.sentinel = bytesToUuid((await this.api.createGroup(`sentinel_${this.username}`)).group_id);
    }
    this.barriers += 1;
    await this.api.updateGroup(this.sentinel, { alias: `barrier ${this.barriers}` });
    await this.events.expect("group_update", { group_id: uuidToBytes(this.sentinel), update_type: GroupUpdateType.GROUP_UPDATE_TYPE_GROUP_SETTINGS }, { what: `the barrier event #${this.barriers}` });
    this.events.assertAllClaimed(context);
  }

  close() {
    this.events?.close();
  }
}

export { GroupUpdateType };
