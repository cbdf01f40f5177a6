// Flow 5 — spec/flows/account-reset.md: Bob resets his account (new signing key, new fingerprint, new key packages)
// and rejoins through an external commit that removes his old leaf; the others get IdentityResetEvent, process the
// external commit, and messaging continues with Bob's new identity.
import assert from "node:assert/strict";
import { addMember, assertSameGroup, COMMIT, exchange, quiet, step, world } from "../lib/flow.js";
import { decodeMessage, members } from "../lib/mls.js";
import { bytesToUuid, sameBytes, uuidToBytes } from "../lib/wire.js";

const w = await world();
let alice, bob, carol, groupId, group_id, oldFingerprint, rejoin;

step("setup: Alice's group with Bob and Carol, who have talked", async () => {
  [alice, bob, carol] = [await w.member("alice"), await w.member("bob"), await w.member("carol")];
  ({ groupId } = await alice.createGroup(`resettable_${alice.username}`));
  group_id = uuidToBytes(groupId);
  await addMember(alice, groupId, bob);
  await addMember(alice, groupId, carol, [bob]);
  await exchange(groupId, bob, [alice, carol], "Bob before the reset");
});

step("Bob resets: his key packages are deleted, a new identity uploads new ones with a new fingerprint", async () => {
  oldFingerprint = bob.identity.fingerprint;
  const groups = await bob.resetAccount();
  assert.ok(groups.some((g) => bytesToUuid(g.group_id) === groupId), "the reset starts from the server's group list");
  assert.notEqual(bob.identity.fingerprint, oldFingerprint);
  assert.equal((await bob.api.me()).signing_key_fingerprint, bob.identity.fingerprint, "the server has the new fingerprint");
  const { key_package_data } = await alice.api.keyPackage(bob.userId);
  const keyPackage = decodeMessage(key_package_data, "mls_key_package").keyPackage;
  assert.ok(sameBytes(keyPackage.leafNode.signaturePublicKey, bob.identity.keyPair.publicKey), "only packages of the new identity are left");
  bob.identity.unusedKeyPackages.shift();
  const { groups: listed } = await alice.api.listGroups();
  const bobListed = listed.find((g) => bytesToUuid(g.group_id) === groupId).members.find((m) => bytesToUuid(m.user_id) === bob.id);
  assert.equal(bobListed.signing_key_fingerprint, bob.identity.fingerprint, "co-members see the changed fingerprint (TOFU [!])");
});

step("Bob rejoins with an external commit: IdentityReset to Alice and Carol, nothing to Bob", async () => {
  rejoin = await bob.rejoin(groupId);
  for (const member of [alice, carol]) await member.events.expect("identity_reset", { group_id, user_id: bob.userId });
  const { messages } = await alice.api.messages(groupId, alice.session(groupId).cursor);
  assert.equal(messages.length, 1);
  assert.ok(sameBytes(messages[0].sender_id, bob.userId));
  assert.ok(sameBytes(messages[0].mls_message, rejoin.commitMessage), "the external commit is stored as Bob's message");
  assert.equal(decodeMessage(messages[0].mls_message).wireformat, "mls_public_message", "external commits are public messages");
});

step("Alice and Carol process the external commit: Bob's old leaf is gone, his new key is in the tree", async () => {
  for (const member of [alice, carol]) {
    const { handshakes } = await member.sync(groupId);
    assert.equal(handshakes.length, 1, `${member.username} processes the external commit`);
  }
  assertSameGroup(groupId, [alice, bob, carol], [alice, bob, carol]);
  const bobLeaves = members(alice.session(groupId).state).filter((m) => m.userId === bob.id);
  assert.deepEqual(bobLeaves.map((m) => m.fingerprint), [bob.identity.fingerprint], "one leaf for Bob, with the new fingerprint");
});

step("messaging continues with Bob's new identity, both ways", async () => {
  await exchange(groupId, bob, [alice, carol], "Bob after the reset");
  await exchange(groupId, alice, [bob, carol], "welcome back, Bob");
  await exchange(groupId, carol, [alice, bob], "hi new Bob");
});

step("the stored GroupInfo predates the external commit until a member commits again", async () => {
  // external-join never replaces GroupInfo (CLARIFICATIONS §6.7); the next commit brings it up to date.
  const stale = decodeMessage((await alice.api.groupInfo(groupId)).group_info, "mls_group_info").groupInfo;
  assert.ok(stale.groupContext.epoch < alice.session(groupId).epoch);
  const rotation = await alice.rotate(groupId);
  for (const member of [bob, carol]) {
    await member.events.expect("group_update", { group_id, update_type: COMMIT });
    await member.sync(groupId);
  }
  assert.ok(sameBytes((await alice.api.groupInfo(groupId)).group_info, rotation.groupInfo));
  assertSameGroup(groupId, [alice, bob, carol], [alice, bob, carol]);
  await exchange(groupId, bob, [alice, carol], "after the rotation");
});

step("no other events reached anyone", async () => {
  await quiet([alice, bob, carol], "in the reset and rejoin flow");
});
