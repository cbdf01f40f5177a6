// Shared pieces of the flow tests: sequential steps that stop at the first failure, and the escrow-invite join that
// later flows use to build their groups (proven step by step in test/02-escrow-invite-and-messaging.test.js).
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { GroupUpdateType } from "./member.js";
import { members } from "./mls.js";
import { uuidToBytes } from "./wire.js";
import { startWorld } from "./world.js";

export const COMMIT = GroupUpdateType.GROUP_UPDATE_TYPE_COMMIT;
export const GROUP_SETTINGS = GroupUpdateType.GROUP_UPDATE_TYPE_GROUP_SETTINGS;

let failedStep;

/** Starts the server for this test file and stops it when the file is done, showing its log if a step failed. */
export async function world() {
  const w = await startWorld();
  after(() => w.stop({ showOutput: failedStep !== undefined }));
  return w;
}

/** A step of the flow: a test that only runs when every earlier step of the file passed. */
export function step(name, body) {
  test(name, async () => {
    if (failedStep !== undefined) {
      const notRun = new Error(`not run: the earlier step "${failedStep}" failed`);
      notRun.stack = notRun.message;
      throw notRun;
    }
    try {
      await body();
    } catch (error) {
      failedStep = name;
      throw error;
    }
  });
}

/**
 * Escrow invite, acceptance and Welcome (spec/flows/escrow-invite.md), claiming the events it produces:
 * InviteReceived to the invitee, Welcome to the invitee, GroupUpdate(COMMIT) to every other member (inviter
 * included); the existing members then process the published Add commit.
 */
export async function addMember(admin, groupId, invitee, existing = []) {
  const group_id = uuidToBytes(groupId);
  await admin.invite(groupId, invitee);
  const received = await invitee.events.expect("invite_received", { group_id, inviter_id: admin.userId });
  await invitee.api.acceptInvite(received.invite_id);
  await invitee.events.expect("welcome", { group_id });
  for (const member of [admin, ...existing]) await member.events.expect("group_update", { group_id, update_type: COMMIT });
  admin.inviteAccepted(groupId, invitee);
  await invitee.joinFromWelcome(groupId);
  for (const member of [admin, ...existing]) {
    const { handshakes } = await member.sync(groupId);
    if (member !== admin) assert.equal(handshakes.length, 1, `${member.username} processes the Add commit for ${invitee.username}`);
    assert.equal(member.session(groupId).epoch, invitee.session(groupId).epoch, `${member.username} and ${invitee.username} share the epoch`);
  }
  // The new member's first sync only skips what predates its leaf.
  const { texts, handshakes } = await invitee.sync(groupId);
  assert.deepEqual([texts, handshakes], [[], []], `${invitee.username} has nothing to process after joining`);
}

/** Sends `text` from `sender` and proves every receiver gets NewMessage and decrypts exactly that text. */
export async function exchange(groupId, sender, receivers, text) {
  const { sequence } = await sender.send(groupId, text);
  for (const receiver of receivers) {
    await receiver.events.expect("new_message", { group_id: uuidToBytes(groupId), sequence_num: sequence, sender_id: sender.userId });
    const { texts } = await receiver.sync(groupId);
    assert.deepEqual(texts, [{ sequence, sender: sender.id, text }], `${receiver.username} decrypts ${sender.username}'s message`);
  }
  return sequence;
}

/** Every member's MLS view of the group: the same epoch and the same set of user ids in the leaves. */
export function assertSameGroup(groupId, viewers, expectedMembers) {
  const expected = expectedMembers.map((m) => m.id).sort();
  for (const member of viewers) {
    const session = member.session(groupId);
    assert.equal(session.epoch, viewers[0].session(groupId).epoch, `${member.username} is at the common epoch`);
    assert.deepEqual(leafUsers(session.state), expected, `${member.username}'s ratchet tree holds exactly the expected members`);
  }
}

export function leafUsers(state) {
  return members(state).map((leaf) => leaf.userId).sort();
}

export async function quiet(all, context) {
  for (const member of all) await member.expectQuiet(context);
}
