// Flow 7 — spec/flows/member-removal.md (leave), spec/flows/account-deletion.md, spec/flows/group-deletion.md:
// Carol leaves (a Remove proposal for her own leaf, committed by Alice), Dave deletes his account (Alice commits
// the removal of his phantom leaf), Alice deletes the group; each with the events the others see.
import assert from "node:assert/strict";
import { ApiError } from "../lib/api.js";
import { addMember, assertSameGroup, COMMIT, exchange, quiet, step, world } from "../lib/flow.js";
import { bytesToUuid, sameBytes, uuidToBytes } from "../lib/wire.js";

const w = await world();
let alice, bob, carol, dave, groupId, group_id, left, daveSequence;

step("setup: Alice's group with Bob, Carol and Dave; Dave has posted", async () => {
  [alice, bob, carol, dave] = [await w.member("alice"), await w.member("bob"), await w.member("carol"), await w.member("dave")];
  ({ groupId } = await alice.createGroup(`closing_${alice.username}`));
  group_id = uuidToBytes(groupId);
  await addMember(alice, groupId, bob);
  await addMember(alice, groupId, carol, [bob]);
  await addMember(alice, groupId, dave, [bob, carol]);
  daveSequence = await exchange(groupId, dave, [alice, bob, carol], "Dave was here");
});

step("Carol leaves with a Remove proposal for her own leaf: MemberRemoved to Alice, Bob and Dave only", async () => {
  left = await carol.leave(groupId);
  for (const member of [alice, bob, dave]) await member.events.expect("member_removed", { group_id, removed_user_id: carol.userId });
  const { messages } = await alice.api.messages(groupId, alice.session(groupId).cursor);
  assert.equal(messages.length, 1);
  assert.ok(sameBytes(messages[0].sender_id, carol.userId));
  assert.ok(sameBytes(messages[0].mls_message, left.proposal), "the proposal is stored as Carol's message");
  await assert.rejects(carol.api.messages(groupId, 0), (e) => e instanceof ApiError && e.status === 401);
  await carol.expectQuiet("after her own leave");
});

step("Alice commits Carol's proposal; Bob and Dave get GroupUpdate(COMMIT) and process proposal and commit", async () => {
  const { handshakes } = await alice.sync(groupId);
  assert.equal(handshakes.length, 1, "Alice processes Carol's proposal");
  const committed = await alice.commitPending(groupId);
  for (const member of [bob, dave]) {
    await member.events.expect("group_update", { group_id, update_type: COMMIT });
    const processed = await member.sync(groupId);
    assert.equal(processed.handshakes.length, 2, `${member.username} processes the proposal and the commit`);
  }
  assertSameGroup(groupId, [alice, bob, dave], [alice, bob, dave]);
  assert.ok(sameBytes((await alice.api.groupInfo(groupId)).group_info, committed.groupInfo));

  const { sequence } = await alice.send(groupId, "Carol has left");
  for (const member of [bob, dave]) await member.events.expect("new_message", { group_id, sequence_num: sequence });
  const { texts, fetched } = await bob.sync(groupId);
  assert.deepEqual(texts.map((t) => t.text), ["Carol has left"]);
  await dave.sync(groupId);
  // Carol's last state (her proposal pending) processes the commit that removes her and still cannot decrypt.
  const processed = await carol.processOutOfBand(groupId, committed.commitMessage);
  assert.equal(processed.newState.groupActiveState.kind, "removedFromGroup");
  await assert.rejects(carol.tryDecrypt(groupId, fetched.at(-1).mls_message), "Carol cannot decrypt what is sent after her departure");
});

step("Dave deletes his account: MemberRemoved to Alice and Bob; his messages are gone", async () => {
  await dave.api.deleteAccount(dave.password);
  for (const member of [alice, bob]) await member.events.expect("member_removed", { group_id, removed_user_id: dave.userId });
  const { messages } = await alice.api.messages(groupId, 0);
  assert.ok(messages.every((m) => !sameBytes(m.sender_id, dave.userId)), "account deletion removes the user's messages");
  assert.ok(!messages.some((m) => m.sequence_num === daveSequence));
  const { groups } = await alice.api.listGroups();
  const listed = groups.find((g) => bytesToUuid(g.group_id) === groupId);
  assert.deepEqual(listed.members.map((m) => bytesToUuid(m.user_id)).sort(), [alice.id, bob.id].sort());
});

step("Alice commits the removal of Dave's phantom leaf; Bob processes it and messaging continues", async () => {
  await alice.commitRemovals(groupId, [dave.id]);
  await bob.events.expect("group_update", { group_id, update_type: COMMIT });
  const { handshakes } = await bob.sync(groupId);
  assert.equal(handshakes.length, 1);
  assertSameGroup(groupId, [alice, bob], [alice, bob]);
  await exchange(groupId, bob, [alice], "just us now");
  await exchange(groupId, alice, [bob], "yes");
});

step("Alice deletes the group: GroupDeleted to Alice and Bob; Carol (gone) gets nothing", async () => {
  await alice.api.deleteGroup(groupId);
  for (const member of [alice, bob]) await member.events.expect("group_deleted", { group_id });
  await assert.rejects(bob.api.messages(groupId, 0), (e) => e instanceof ApiError && e.status === 401 && e.errorCode === 400);
  const { groups } = await bob.api.listGroups();
  assert.ok(!groups.some((g) => bytesToUuid(g.group_id) === groupId), "the group is gone from Bob's list");
});

step("no other events reached the remaining users", async () => {
  await quiet([alice, bob, carol], "in the leave and deletion flow");
});
