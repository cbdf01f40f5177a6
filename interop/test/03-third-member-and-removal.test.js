// Flow 3 — spec/flows/member-removal.md (admin removal): a third member joins; the admin removes them with a Remove
// commit; the removed member can no longer decrypt new messages while the others can.
import assert from "node:assert/strict";
import { ApiError } from "../lib/api.js";
import { addMember, assertSameGroup, COMMIT, exchange, quiet, step, world } from "../lib/flow.js";
import { sameBytes, uuidToBytes } from "../lib/wire.js";

const w = await world();
let alice, bob, carol, groupId, group_id, removal;

step("setup: Alice's group with Bob", async () => {
  [alice, bob, carol] = [await w.member("alice"), await w.member("bob"), await w.member("carol")];
  ({ groupId } = await alice.createGroup(`trio_${alice.username}`));
  group_id = uuidToBytes(groupId);
  await addMember(alice, groupId, bob);
});

step("Carol joins as a third member; Bob processes the Add commit published on her acceptance", async () => {
  await addMember(alice, groupId, carol, [bob]);
  assertSameGroup(groupId, [alice, bob, carol], [alice, bob, carol]);
});

step("all three can talk", async () => {
  await exchange(groupId, carol, [alice, bob], "Carol says hi");
  await exchange(groupId, bob, [alice, carol], "Bob says hi");
  await exchange(groupId, alice, [bob, carol], "Alice says hi");
});

step("Alice removes Carol with a Remove commit: MemberRemoved to Alice, Bob and Carol", async () => {
  removal = await alice.remove(groupId, carol);
  for (const member of [alice, bob, carol]) await member.events.expect("member_removed", { group_id, removed_user_id: carol.userId });
  const { handshakes } = await bob.sync(groupId);
  assert.equal(handshakes.length, 1, "Bob processes the removal commit");
  assertSameGroup(groupId, [alice, bob], [alice, bob]);
  const { group_info } = await alice.api.groupInfo(groupId);
  assert.ok(sameBytes(group_info, removal.groupInfo), "the removal's GroupInfo is stored");
});

step("Carol can no longer fetch", async () => {
  await assert.rejects(carol.api.messages(groupId, 0), (e) => e instanceof ApiError && e.status === 401 && e.errorCode === 400);
});

step("new messages: Bob decrypts, Carol cannot even after processing the removal commit", async () => {
  const { sequence } = await alice.send(groupId, "Carol must not read this");
  await bob.events.expect("new_message", { group_id, sequence_num: sequence, sender_id: alice.userId });
  const { texts, fetched } = await bob.sync(groupId);
  assert.deepEqual(texts, [{ sequence, sender: alice.id, text: "Carol must not read this" }]);
  const ciphertext = fetched.at(-1).mls_message;

  // Carol's state still has the epoch before her removal: the new epoch's keys are not derivable from it.
  await assert.rejects(carol.tryDecrypt(groupId, ciphertext), "Carol's pre-removal state cannot decrypt the next epoch");
  const processed = await carol.processOutOfBand(groupId, removal.commitMessage);
  assert.equal(processed.newState.groupActiveState.kind, "removedFromGroup", "the removal commit tells Carol she is out");
  await assert.rejects(carol.tryDecrypt(groupId, ciphertext), "Carol cannot decrypt after processing her removal either");

  await exchange(groupId, bob, [alice], "still here");
});

step("no other events: Carol got no NewMessage after her removal, Alice none for her own commit", async () => {
  await quiet([alice, bob, carol], "in the removal flow");
});
