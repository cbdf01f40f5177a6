// Flow 2 — spec/flows/escrow-invite.md (accept path) and spec/flows/group-messaging.md (sending, receiving):
// escrow invite → InviteReceivedEvent → accept → WelcomeEvent → fetch Welcome → join → acknowledge; then messages
// both ways, each side fetching with `after` and decrypting.
import assert from "node:assert/strict";
import { decodeMessage } from "../lib/mls.js";
import { bytesToUuid, sameBytes, uuidToBytes } from "../lib/wire.js";
import { assertSameGroup, COMMIT, quiet, step, world } from "../lib/flow.js";

const w = await world();
let alice, bob, groupId, group_id, escrowed, invite;

step("setup: Alice creates a group, Bob is registered", async () => {
  alice = await w.member("alice");
  bob = await w.member("bob");
  ({ groupId } = await alice.createGroup(`team_${alice.username}`, "Team"));
  group_id = uuidToBytes(groupId);
});

step("Alice escrows an Add commit, Welcome and GroupInfo built on Bob's key package; Bob gets InviteReceived", async () => {
  escrowed = await alice.invite(groupId, bob);
  invite = await bob.events.expect("invite_received", { group_id, inviter_id: alice.userId });
  assert.equal(invite.invite_id.length, 16);
  assert.equal(invite.group_name, `team_${alice.username}`);
  assert.equal(invite.group_alias, "Team");

  const { invites } = await bob.api.pendingInvites();
  assert.equal(invites.length, 1, "Bob has one pending invite");
  assert.ok(sameBytes(invites[0].invite_id, invite.invite_id));
  assert.equal(invites[0].inviter_username, alice.username);
  assert.ok(sameBytes(invites[0].invitee_id, bob.userId));

  const { messages } = await alice.api.messages(groupId, 1);
  assert.deepEqual(messages, [], "nothing is published before the invite is accepted");
});

step("Bob accepts: Welcome to Bob, GroupUpdate(COMMIT) to Alice, the Add commit published under Alice's id", async () => {
  await bob.api.acceptInvite(invite.invite_id);
  const welcome = await bob.events.expect("welcome", { group_id });
  assert.equal(welcome.group_alias, "Team");
  await alice.events.expect("group_update", { group_id, update_type: COMMIT });
  alice.inviteAccepted(groupId, bob);

  const { messages } = await alice.api.messages(groupId, 1);
  assert.equal(messages.length, 1);
  assert.equal(messages[0].sequence_num, 2);
  assert.ok(sameBytes(messages[0].sender_id, alice.userId), "the escrowed commit is stored with the inviter as sender");
  assert.ok(sameBytes(messages[0].mls_message, escrowed.commitMessage));
  const { group_info } = await alice.api.groupInfo(groupId);
  assert.ok(sameBytes(group_info, escrowed.groupInfo), "the escrowed GroupInfo replaced the stored one");
});

step("Bob fetches the Welcome, joins the MLS group from it and acknowledges it", async () => {
  const { welcomes } = await bob.api.pendingWelcomes();
  assert.equal(welcomes.length, 1);
  assert.ok(sameBytes(welcomes[0].welcome_message, escrowed.welcomeMessage), "the Welcome is delivered byte for byte");
  assert.equal(decodeMessage(welcomes[0].welcome_message, "mls_welcome").welcome.secrets.length, 1);
  await bob.joinFromWelcome(groupId);
  assert.deepEqual((await bob.api.pendingWelcomes()).welcomes, [], "the acknowledged Welcome is gone");
  assertSameGroup(groupId, [alice, bob], [alice, bob]);
  const { groups } = await bob.api.listGroups();
  const listed = groups.find((g) => bytesToUuid(g.group_id) === groupId);
  assert.equal(listed.mls_group_id, bob.session(groupId).mlsGroupId, "the server's mls_group_id is the group Bob joined");
  assert.deepEqual(listed.members.map((m) => [bytesToUuid(m.user_id), m.role]).sort(), [[alice.id, 2], [bob.id, 1]].sort());
  const { texts, handshakes } = await bob.sync(groupId);
  assert.deepEqual([texts, handshakes], [[], []], "everything stored so far predates Bob's leaf");
});

step("Alice → Bob: NewMessage to Bob only, Bob fetches after his cursor and decrypts", async () => {
  const sent = await alice.send(groupId, "Hello Bob, this is Alice");
  assert.equal(sent.sequence, 3);
  const event = await bob.events.expect("new_message", { group_id, sequence_num: 3 });
  assert.ok(sameBytes(event.sender_id, alice.userId));
  const { texts, fetched } = await bob.sync(groupId);
  assert.deepEqual(fetched.map((m) => m.sequence_num), [3], "GET /messages?after=2 returns only the new message");
  assert.deepEqual(texts, [{ sequence: 3, sender: alice.id, text: "Hello Bob, this is Alice" }]);
});

step("Bob → Alice: NewMessage to Alice only, Alice fetches after her cursor and decrypts", async () => {
  const sent = await bob.send(groupId, "Hi Alice — Bob here ✓");
  const event = await alice.events.expect("new_message", { group_id, sequence_num: sent.sequence });
  assert.ok(sameBytes(event.sender_id, bob.userId));
  const { texts } = await alice.sync(groupId);
  assert.deepEqual(texts, [{ sequence: sent.sequence, sender: bob.id, text: "Hi Alice — Bob here ✓" }]);
});

step("several messages in a row arrive in order and decrypt on the other side", async () => {
  const sent = [];
  for (const text of ["one", "two", "three"]) sent.push({ text, ...(await alice.send(groupId, text)) });
  for (const { sequence } of sent) await bob.events.expect("new_message", { group_id, sequence_num: sequence });
  const { texts } = await bob.sync(groupId);
  assert.deepEqual(texts, sent.map(({ text, sequence }) => ({ sequence, sender: alice.id, text })));
});

step("no other events reached anyone (the senders got no NewMessage of their own)", async () => {
  await quiet([alice, bob], "in the escrow-invite and messaging flow");
});
