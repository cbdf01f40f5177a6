// The HTTP/protobuf API as the reference client calls it (CLARIFICATIONS §2.9): raw protobuf bodies with
// Content-Type application/x-protobuf on POST/PATCH, `Authorization: Bearer <token>`, lower-case hyphenated ids in
// paths. Every call checks the exact success status and content type of CLARIFICATIONS §2.6; any other answer
// throws an ApiError carrying the decoded ErrorResponse.
import { bytesToUuid, decode, encode } from "./wire.js";

const PROTOBUF = "application/x-protobuf";

export class ApiError extends Error {
  constructor(route, status, errorCode, serverMessage) {
    super(`${route} -> ${status} error_code=${errorCode} "${serverMessage}"`);
    this.route = route;
    this.status = status;
    this.errorCode = errorCode;
    this.serverMessage = serverMessage;
  }
}

function idPath(id) {
  return typeof id === "string" ? id : bytesToUuid(id);
}

export class Api {
  constructor(baseUrl, token = undefined) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  withToken(token) {
    return new Api(this.baseUrl, token);
  }

  /**
   * One request. `body` is [typeName, fields] or undefined (no body at all); `response` is a type name, or
   * undefined for the 204 routes.
   */
  async call(method, path, { body, response, status = 200 } = {}) {
    const route = `${method} ${path}`;
    const headers = {};
    if (this.token !== undefined) headers.Authorization = `Bearer ${this.token}`;
    let payload;
    if (body !== undefined) {
      payload = encode(body[0], body[1]);
      headers["Content-Type"] = PROTOBUF;
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body: payload });
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (res.status !== status) {
      let error = { message: Buffer.from(bytes).toString("utf8"), error_code: 0 };
      if ((res.headers.get("content-type") ?? "").startsWith(PROTOBUF)) error = decode("ErrorResponse", bytes);
      throw new ApiError(route, res.status, error.error_code, error.message);
    }
    if (status === 204) {
      if (bytes.length !== 0) throw new Error(`${route}: 204 with a ${bytes.length}-byte body`);
      return undefined;
    }
    const contentType = res.headers.get("content-type") ?? "";
    if (!contentType.startsWith(PROTOBUF)) throw new Error(`${route}: success with Content-Type "${contentType}"`);
    return decode(response, bytes);
  }

  // Accounts (api/accounts.md)
  register(username, password, alias = "") {
    return this.call("POST", "/api/v1/register", { body: ["RegisterRequest", { username, password, alias }], response: "RegisterResponse", status: 201 });
  }
  login(username, password) {
    return this.call("POST", "/api/v1/login", { body: ["LoginRequest", { username, password }], response: "LoginResponse" });
  }
  me() {
    return this.call("GET", "/api/v1/me", { response: "UserInfoResponse" });
  }
  resetAccount() {
    // The reference client sends no body at all (CLARIFICATIONS §2.9).
    return this.call("POST", "/api/v1/reset-account", { response: "ResetAccountResponse" });
  }
  deleteAccount(password) {
    return this.call("POST", "/api/v1/delete-account", { body: ["DeleteAccountRequest", { password }], response: "DeleteAccountResponse" });
  }

  // Users
  userById(userId) {
    return this.call("GET", `/api/v1/users/by-id/${idPath(userId)}`, { response: "UserInfoResponse" });
  }

  // Key packages (api/key-packages.md)
  uploadKeyPackages(entries, fingerprint) {
    return this.call("POST", "/api/v1/key-packages", {
      body: ["UploadKeyPackageRequest", { entries, signing_key_fingerprint: fingerprint }],
      response: "UploadKeyPackageResponse",
    });
  }
  keyPackage(userId) {
    return this.call("GET", `/api/v1/key-packages/${idPath(userId)}`, { response: "GetKeyPackageResponse" });
  }

  // Groups (api/groups.md)
  createGroup(groupName, alias = "") {
    return this.call("POST", "/api/v1/groups", { body: ["CreateGroupRequest", { group_name: groupName, alias }], response: "CreateGroupResponse", status: 201 });
  }
  listGroups() {
    return this.call("GET", "/api/v1/groups", { response: "ListGroupsResponse" });
  }
  updateGroup(groupId, fields) {
    return this.call("PATCH", `/api/v1/groups/${idPath(groupId)}`, { body: ["UpdateGroupRequest", fields], response: "UpdateGroupResponse" });
  }
  groupInfo(groupId) {
    return this.call("GET", `/api/v1/groups/${idPath(groupId)}/group-info`, { response: "GetGroupInfoResponse" });
  }
  publicGroups(pattern) {
    return this.call("GET", `/api/v1/groups/public?pattern=${encodeURIComponent(pattern)}`, { response: "ListPublicGroupsResponse" });
  }
  join(groupId) {
    // An encoded empty message: a zero-length body (CLARIFICATIONS §2.9).
    return this.call("POST", `/api/v1/groups/${idPath(groupId)}/join`, { response: "GetGroupInfoResponse" });
  }
  deleteGroup(groupId) {
    return this.call("POST", `/api/v1/groups/${idPath(groupId)}/delete`, { response: "DeleteGroupResponse" });
  }

  // Members (api/members.md)
  inviteKeyPackages(groupId, userIds) {
    return this.call("POST", `/api/v1/groups/${idPath(groupId)}/invite`, { body: ["InviteToGroupRequest", { user_ids: userIds }], response: "InviteToGroupResponse" });
  }
  remove(groupId, userId, commitMessage, groupInfo) {
    return this.call("POST", `/api/v1/groups/${idPath(groupId)}/remove`, {
      body: ["RemoveMemberRequest", { user_id: userId, commit_message: commitMessage, group_info: groupInfo }],
      response: "RemoveMemberResponse",
    });
  }
  leave(groupId, commitMessage, groupInfo = new Uint8Array()) {
    return this.call("POST", `/api/v1/groups/${idPath(groupId)}/leave`, {
      body: ["LeaveGroupRequest", { commit_message: commitMessage, group_info: groupInfo }],
      response: "LeaveGroupResponse",
    });
  }
  externalJoin(groupId, commitMessage, mlsGroupId) {
    return this.call("POST", `/api/v1/groups/${idPath(groupId)}/external-join`, {
      body: ["ExternalJoinRequest", { commit_message: commitMessage, mls_group_id: mlsGroupId }],
      response: "ExternalJoinResponse",
    });
  }

  // Invites and welcomes (api/invites.md, api/welcomes.md)
  escrowInvite(groupId, inviteeId, commitMessage, welcomeMessage, groupInfo) {
    return this.call("POST", `/api/v1/groups/${idPath(groupId)}/escrow-invite`, {
      body: ["EscrowInviteRequest", { invitee_id: inviteeId, commit_message: commitMessage, welcome_message: welcomeMessage, group_info: groupInfo }],
      response: "EscrowInviteResponse",
    });
  }
  pendingInvites() {
    return this.call("GET", "/api/v1/invites", { response: "ListPendingInvitesResponse" });
  }
  groupPendingInvites(groupId) {
    return this.call("GET", `/api/v1/groups/${idPath(groupId)}/invites`, { response: "ListGroupPendingInvitesResponse" });
  }
  acceptInvite(inviteId) {
    return this.call("POST", `/api/v1/invites/${idPath(inviteId)}/accept`, { response: "AcceptInviteResponse" });
  }
  declineInvite(inviteId) {
    return this.call("POST", `/api/v1/invites/${idPath(inviteId)}/decline`, { response: "DeclineInviteResponse" });
  }
  cancelInvite(groupId, inviteeId) {
    return this.call("POST", `/api/v1/groups/${idPath(groupId)}/cancel-invite`, { body: ["CancelInviteRequest", { invitee_id: inviteeId }], response: "CancelInviteResponse" });
  }
  pendingWelcomes() {
    return this.call("GET", "/api/v1/welcomes", { response: "ListPendingWelcomesResponse" });
  }
  acceptWelcome(welcomeId) {
    return this.call("POST", `/api/v1/welcomes/${idPath(welcomeId)}/accept`, { status: 204 });
  }

  // Messages (api/messages.md)
  uploadCommit(groupId, { commitMessage, groupInfo, mlsGroupId = "" }) {
    return this.call("POST", `/api/v1/groups/${idPath(groupId)}/commit`, {
      body: ["UploadCommitRequest", { commit_message: commitMessage, group_info: groupInfo, mls_group_id: mlsGroupId }],
      response: "UploadCommitResponse",
    });
  }
  sendMessage(groupId, mlsMessage) {
    return this.call("POST", `/api/v1/groups/${idPath(groupId)}/messages`, { body: ["SendMessageRequest", { mls_message: mlsMessage }], response: "SendMessageResponse" });
  }
  messages(groupId, after) {
    return this.call("GET", `/api/v1/groups/${idPath(groupId)}/messages?after=${after}`, { response: "GetMessagesResponse" });
  }
}
