// Flow 1 — spec/flows/registration.md and spec/flows/group-messaging.md (group creation):
// registration, login, 5 regular + 1 last-resort key packages with the fingerprint, and a group created with the
// initial commit, GroupInfo and mls_group_id.
import assert from "node:assert/strict";
import { decodeMessage, epochOf, fingerprintOf } from "../lib/mls.js";
import { bytesToUuid, sameBytes } from "../lib/wire.js";
import { quiet, step, world } from "../lib/flow.js";

const w = await world();
let alice, bob, group;

step("registration uploads key packages and the fingerprint the server then reports", async () => {
  alice = await w.member("alice");
  bob = await w.member("bob");
  assert.equal(alice.uploaded.length, 6);
  assert.deepEqual(alice.uploaded.map((e) => e.is_last_resort), [false, false, false, false, false, true]);
  assert.match(alice.identity.fingerprint, /^[0-9a-f]{64}$/);
  const me = await alice.api.me();
  assert.ok(sameBytes(me.user_id, alice.userId));
  assert.equal(me.signing_key_fingerprint, alice.identity.fingerprint, "GET /me reports the uploaded fingerprint");
  const seenByBob = await bob.api.userById(alice.userId);
  assert.equal(seenByBob.username, alice.username);
  assert.equal(seenByBob.signing_key_fingerprint, alice.identity.fingerprint, "others see the fingerprint too");
});

step("key packages come back intact, oldest first, and the last-resort one is never used up", async () => {
  for (let i = 0; i < 5; i++) {
    const { key_package_data } = await bob.api.keyPackage(alice.userId);
    assert.ok(sameBytes(key_package_data, alice.uploaded[i].data), `regular package ${i + 1} is returned byte for byte, in upload order`);
    const keyPackage = decodeMessage(key_package_data, "mls_key_package").keyPackage;
    assert.ok(sameBytes(keyPackage.leafNode.credential.identity, alice.userId), "its BasicCredential identity is the 16-byte user id");
    assert.equal(fingerprintOf(keyPackage.leafNode.signaturePublicKey), alice.identity.fingerprint, "it is signed by the fingerprinted key");
    assert.equal(keyPackage.cipherSuite, "MLS_256_DHKEMX448_CHACHA20POLY1305_SHA512_Ed448");
  }
  for (let i = 0; i < 2; i++) {
    const { key_package_data } = await bob.api.keyPackage(alice.userId);
    assert.ok(sameBytes(key_package_data, alice.uploaded[5].data), "with the regular packages gone, the last-resort package is returned and kept");
  }
});

step("group creation: POST /groups, then the initial commit with GroupInfo and mls_group_id", async () => {
  group = await alice.createGroup(`room_${alice.username}`, "Room One");
  const session = alice.session(group.groupId);
  assert.equal(session.epoch, 1n, "the initial commit moves the new group to epoch 1");

  const { groups } = await alice.api.listGroups();
  const listed = groups.find((g) => bytesToUuid(g.group_id) === group.groupId);
  assert.ok(listed, "the group is listed");
  assert.equal(listed.mls_group_id, session.mlsGroupId, "the server records the hex MLS group id");
  assert.equal(listed.alias, "Room One");
  assert.deepEqual(listed.members.map((m) => [bytesToUuid(m.user_id), m.role, m.signing_key_fingerprint]), [[alice.id, 2, alice.identity.fingerprint]], "the creator is the only member, an admin, with her fingerprint");

  const { group_info } = await alice.api.groupInfo(group.groupId);
  assert.ok(sameBytes(group_info, group.groupInfo), "GET /group-info returns the uploaded GroupInfo");
  const info = decodeMessage(group_info, "mls_group_info").groupInfo;
  assert.deepEqual(info.extensions.map((e) => e.extensionType).sort(), ["external_pub", "ratchet_tree"], "GroupInfo allows external commits and carries the tree");
  assert.equal(info.groupContext.epoch, 1n);

  const { messages } = await alice.api.messages(group.groupId, 0);
  assert.equal(messages.length, 1, "the initial commit is the group's only message");
  assert.equal(messages[0].sequence_num, 1, "...with sequence number 1");
  assert.ok(sameBytes(messages[0].sender_id, alice.userId));
  assert.ok(sameBytes(messages[0].mls_message, group.commitMessage), "stored byte for byte");
  assert.equal(epochOf(decodeMessage(messages[0].mls_message)), 0n, "a commit from epoch 0");
});

step("nothing in this flow produces an event", async () => {
  await quiet([alice, bob], "after registration and group creation");
});
