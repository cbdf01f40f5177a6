// Flow 6 — spec/mls/group-lifecycle.md, "Public Room Join via External Commit": a public room is discovered and
// joined with POST /join (returns GroupInfo, no event) and an external commit through POST /external-join
// (GroupUpdate(COMMIT) to every member, the joiner included).
import assert from "node:assert/strict";
import { assertSameGroup, COMMIT, exchange, GROUP_SETTINGS, quiet, step, world } from "../lib/flow.js";
import { decodeMessage } from "../lib/mls.js";
import { bytesToUuid, sameBytes, uuidToBytes } from "../lib/wire.js";

const PUBLIC = 2;
const w = await world();
let alice, erin, frank, groupId, group_id, created, joinedInfo;

step("setup: Alice creates a room and makes it public (GroupUpdate(GROUP_SETTINGS) to Alice)", async () => {
  [alice, erin, frank] = [await w.member("alice"), await w.member("erin"), await w.member("frank")];
  created = await alice.createGroup(`lobby_${alice.username}`, "Lobby");
  ({ groupId } = created);
  group_id = uuidToBytes(groupId);
  await alice.api.updateGroup(groupId, { visibility: PUBLIC });
  await alice.events.expect("group_update", { group_id, update_type: GROUP_SETTINGS });
});

step("Erin finds the room in the public listing", async () => {
  const { groups } = await erin.api.publicGroups(`lobby_${alice.username}`);
  assert.deepEqual(groups.map((g) => [bytesToUuid(g.group_id), g.alias, g.member_count]), [[groupId, "Lobby", 1]]);
});

step("Erin joins: POST /join returns the stored GroupInfo and announces nothing", async () => {
  ({ group_info: joinedInfo } = await erin.api.join(groupId));
  assert.ok(sameBytes(joinedInfo, created.groupInfo));
  await alice.expectQuiet("after Erin's /join");
});

step("Erin's external commit: GroupUpdate(COMMIT) to Alice and to Erin herself", async () => {
  const { commitMessage, session } = await erin.externalCommitFrom(groupId, joinedInfo);
  for (const member of [alice, erin]) await member.events.expect("group_update", { group_id, update_type: COMMIT });
  assert.equal(session.mlsGroupId, alice.session(groupId).mlsGroupId);
  const { handshakes } = await alice.sync(groupId);
  assert.deepEqual(handshakes.map((h) => h.wireformat), ["mls_public_message"], "Alice processes Erin's external commit");
  assert.ok(sameBytes((await alice.api.messages(groupId, 1)).messages[0].mls_message, commitMessage));
  assertSameGroup(groupId, [alice, erin], [alice, erin]);
  const { groups } = await erin.api.publicGroups(`lobby_${alice.username}`);
  assert.equal(groups[0].member_count, 2);
});

step("Alice and Erin talk", async () => {
  await exchange(groupId, erin, [alice], "hello lobby");
  await exchange(groupId, alice, [erin], "welcome, Erin");
});

step("after a commit refreshes the GroupInfo, Frank joins the same way and all three talk", async () => {
  const rotation = await alice.rotate(groupId);
  await erin.events.expect("group_update", { group_id, update_type: COMMIT });
  await erin.sync(groupId);
  const { group_info } = await frank.api.join(groupId);
  assert.ok(sameBytes(group_info, rotation.groupInfo), "the joiner gets the current GroupInfo");
  assert.equal(decodeMessage(group_info, "mls_group_info").groupInfo.groupContext.epoch, alice.session(groupId).epoch);
  await frank.externalCommitFrom(groupId, group_info);
  for (const member of [alice, erin, frank]) await member.events.expect("group_update", { group_id, update_type: COMMIT });
  for (const member of [alice, erin]) await member.sync(groupId);
  assertSameGroup(groupId, [alice, erin, frank], [alice, erin, frank]);
  await exchange(groupId, frank, [alice, erin], "Frank is in");
});

step("no other events reached anyone", async () => {
  await quiet([alice, erin, frank], "in the public-room flow");
});
