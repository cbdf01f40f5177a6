// Flow 4 — spec/flows/key-rotation.md and spec/flows/escrow-invite.md (decline and cancel paths): an empty commit
// rotates the keys; a declined and a cancelled invite are each followed by the inviter's rotation. The escrowed Add
// commit is never published after a decline or cancel, so the inviter returns to its pre-invite state and rotates
// from there (CLARIFICATIONS §12; README "Deviations"): the phantom leaf never reaches anyone else's tree.
import assert from "node:assert/strict";
import { addMember, assertSameGroup, COMMIT, exchange, leafUsers, quiet, step, world } from "../lib/flow.js";
import { sameBytes, uuidToBytes } from "../lib/wire.js";

const w = await world();
let alice, bob, dave, groupId, group_id;

step("setup: Alice's group with Bob; Dave is registered", async () => {
  [alice, bob, dave] = [await w.member("alice"), await w.member("bob"), await w.member("dave")];
  ({ groupId } = await alice.createGroup(`rotating_${alice.username}`));
  group_id = uuidToBytes(groupId);
  await addMember(alice, groupId, bob);
  await exchange(groupId, bob, [alice], "before rotation");
});

/** The inviter's rotation: GroupUpdate(COMMIT) to Bob, who processes the empty commit. */
async function rotationReachesBob(rotation, epochBefore) {
  assert.equal(rotation.epoch, epochBefore + 1n, "the empty commit advances the epoch by one");
  await bob.events.expect("group_update", { group_id, update_type: COMMIT });
  const { handshakes } = await bob.sync(groupId);
  assert.equal(handshakes.length, 1, "Bob processes the rotation commit");
  assertSameGroup(groupId, [alice, bob], [alice, bob]);
  const { group_info } = await bob.api.groupInfo(groupId);
  assert.ok(sameBytes(group_info, rotation.groupInfo), "the rotation's GroupInfo is stored");
}

step("key rotation: Alice's empty commit; GroupUpdate(COMMIT) to Bob, not to Alice; messaging continues", async () => {
  const epoch = alice.session(groupId).epoch;
  await rotationReachesBob(await alice.rotate(groupId), epoch);
  await exchange(groupId, alice, [bob], "after rotation");
  await exchange(groupId, bob, [alice], "ack");
});

step("decline: Dave declines, Alice gets InviteDeclined and rotates from her pre-invite state", async () => {
  const epoch = alice.session(groupId).epoch;
  await alice.invite(groupId, dave);
  assert.ok(leafUsers(alice.session(groupId).state).includes(dave.id), "Alice's local tree has Dave's leaf while the invite is pending");
  const invite = await dave.events.expect("invite_received", { group_id, inviter_id: alice.userId });
  await dave.api.declineInvite(invite.invite_id);
  await alice.events.expect("invite_declined", { group_id, declined_user_id: dave.userId });
  assert.deepEqual((await dave.api.pendingInvites()).invites, []);
  assert.deepEqual((await alice.api.messages(groupId, alice.session(groupId).cursor)).messages, [], "the escrowed commit was never published");

  await rotationReachesBob(await alice.inviteWithdrawn(groupId, dave), epoch);
  await exchange(groupId, alice, [bob], "after the decline");
  await exchange(groupId, bob, [alice], "ack");
});

step("cancel: Alice cancels, Dave gets InviteCancelled, Alice InviteDeclined, and Alice rotates again", async () => {
  const epoch = alice.session(groupId).epoch;
  await alice.invite(groupId, dave);
  await dave.events.expect("invite_received", { group_id, inviter_id: alice.userId });
  const { invites } = await alice.api.groupPendingInvites(groupId);
  assert.equal(invites.length, 1);
  assert.ok(sameBytes(invites[0].invitee_id, dave.userId));

  await alice.api.cancelInvite(groupId, dave.userId);
  await dave.events.expect("invite_cancelled", { group_id });
  await alice.events.expect("invite_declined", { group_id, declined_user_id: dave.userId });
  assert.deepEqual((await alice.api.groupPendingInvites(groupId)).invites, []);

  await rotationReachesBob(await alice.inviteWithdrawn(groupId, dave), epoch);
  await exchange(groupId, alice, [bob], "after the cancel");
  await exchange(groupId, bob, [alice], "ack");
});

step("no other events reached anyone", async () => {
  await quiet([alice, bob, dave], "in the rotation, decline and cancel flow");
});
