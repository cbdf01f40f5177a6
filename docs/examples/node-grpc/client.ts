// docs/clients.md, TypeScript quick-start: a gRPC client of Conclave with @grpc/grpc-js. @grpc/proto-loader reads the
// protos of proto/ at run time; `npm run generate` writes their TypeScript types to generated/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import protobuf from 'protobufjs';
import type { ProtoGrpcType as AccountsProto } from './generated/accounts';
import type { ProtoGrpcType as EventsProto } from './generated/events';
import type { ProtoGrpcType as GroupsProto } from './generated/groups';
import type { ProtoGrpcType as InvitesProto } from './generated/invites';
import type { ProtoGrpcType as MessagesProto } from './generated/messages';
import type { ErrorResponse__Output } from './generated/conclave/v1/ErrorResponse';
import type { ServerEvent__Output } from './generated/conclave/v1/ServerEvent';

// The module: our protos, and the googleapis files they import, vendored in proto/third_party/googleapis.
const protoRoot = fileURLToPath(new URL('../../../proto/', import.meta.url));
const includeDirs = [protoRoot, join(protoRoot, 'third_party', 'googleapis')];
const services = ['accounts', 'events', 'groups', 'invites', 'messages'].map((name) => `conclave/server/v1/${name}.proto`);
// The options of `npm run generate`, so that the generated types describe the objects the loader makes.
const definition = protoLoader.loadSync(services, { longs: String, enums: String, defaults: true, oneofs: true, includeDirs });
const api = grpc.loadPackageDefinition(definition) as unknown as AccountsProto & EventsProto & GroupsProto & InvitesProto & MessagesProto;
const { v1 } = api.conclave.server;

// The gRPC address: grpc_port in plain mode (HTTP/2 without TLS), listen_port with TLS.
const url = new URL(process.env.CONCLAVE_GRPC_URL ?? 'http://localhost:8081');
const credentials = url.protocol === 'https:' ? grpc.credentials.createSsl() : grpc.credentials.createInsecure();
const accounts = new v1.Accounts(url.host, credentials);
const events = new v1.Events(url.host, credentials);
const groups = new v1.Groups(url.host, credentials);
const invites = new v1.Invites(url.host, credentials);
const messages = new v1.Messages(url.host, credentials);

/** A unary call as a promise: `call(done => client.Method(request, metadata, done))`. */
function call<T>(start: (done: (error: grpc.ServiceError | null, response?: T) => void) => unknown): Promise<T> {
  return new Promise((resolve, reject) => start((error, response) => (error ? reject(error) : resolve(response as T))));
}

// Ids are 16 bytes in messages and UUID text in the request wrappers that carry a path id.
const uuid = (id: Buffer) => id.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

// Register and log in (the only calls without a token); a random suffix makes the example re-runnable.
async function signUp(name: string) {
  const username = `${name}_${Math.floor(Math.random() * 1_000_000)}`;
  const password = 'correct horse battery';
  await call((done) => accounts.Register({ username, password }, done));
  const login = await call<{ token: string; userId: Buffer }>((done) => accounts.Login({ username, password }, done));
  const auth = new grpc.Metadata();
  auth.set('authorization', `Bearer ${login.token}`);
  console.log(`registered ${username}`);
  return { id: login.userId, auth };
}

const alice = await signUp('alice');
const bob = await signUp('bob');

// Bob's event stream: its response headers arrive once the subscription is live, so nothing after them is missed.
const stream = events.Subscribe({}, bob.auth);
await new Promise((resolve, reject) => stream.once('metadata', resolve).once('error', reject));
const incoming: AsyncIterator<ServerEvent__Output> = stream[Symbol.asyncIterator]();
async function bobReceives<K extends NonNullable<ServerEvent__Output['event']>>(kind: K) {
  for (;;) {
    const { value, done } = await incoming.next();
    if (done) throw new Error(`the event stream ended before a ${kind} event`);
    console.log(`bob's event: ${value.event}`);
    if (value.event === kind) return value[kind]!;
  }
}

const created = await call<{ groupId: Buffer }>((done) => groups.CreateGroup({ groupName: `node_club_${Date.now()}` }, alice.auth, done));
const groupId = uuid(created.groupId);
console.log(`created group ${groupId}`);

// Alice invites Bob through the escrow: in a real client the three blobs are the MLS Commit adding Bob, his Welcome
// and the GroupInfo; the server stores them unread until Bob answers.
await call((done) => invites.EscrowInvite({
  groupId,
  body: { inviteeId: bob.id, commitMessage: Buffer.from('commit'), welcomeMessage: Buffer.from('welcome'), groupInfo: Buffer.from('group info') },
}, alice.auth, done));
const invite = await bobReceives('inviteReceived');
await call((done) => invites.AcceptInvite({ inviteId: uuid(invite.inviteId) }, bob.auth, done));
await bobReceives('welcome');
console.log(`bob joined ${invite.groupName}`);

// Alice sends; Bob is told, then fetches what came after the last sequence number he had.
const sent = await call<{ sequenceNum: string }>((done) => messages.SendMessage({
  groupId, body: { mlsMessage: Buffer.from('hello from Node.js (an MLS PrivateMessage, in a real client)') },
}, alice.auth, done));
const news = await bobReceives('newMessage');
const fetched = await call<{ messages: { sequenceNum: string; mlsMessage: Buffer }[] }>((done) =>
  messages.GetMessages({ groupId, after: String(BigInt(news.sequenceNum) - 1n) }, bob.auth, done));
console.log(`alice sent #${sent.sequenceNum}; bob read #${fetched.messages[0].sequenceNum}: ${fetched.messages[0].mlsMessage}`);
stream.cancel();

// A refusal is a gRPC status. The conclave-error-code trailer holds its ErrorCode; the grpc-status-details-bin trailer
// a google.rpc.Status (vendored in proto/third_party/googleapis) whose details hold the spec's ErrorResponse.
const wire = new protobuf.Root();
wire.resolvePath = (_origin, target) => includeDirs.map((dir) => join(dir, target)).find(existsSync) ?? target;
wire.loadSync(['google/rpc/status.proto', 'conclave/v1/conclave.proto']);
try {
  await call((done) => groups.DeleteGroup({ groupId }, bob.auth, done));
  throw new Error('bob, who is not an admin, deleted the group');
} catch (error) {
  const refused = error as grpc.ServiceError;
  if (refused.code === undefined) throw error;
  const status = wire.lookupType('google.rpc.Status').decode(refused.metadata.get('grpc-status-details-bin')[0] as Buffer);
  const [detail] = (status as unknown as { details: { value: Uint8Array }[] }).details;
  const errorResponse = wire.lookupType('conclave.v1.ErrorResponse');
  const body = errorResponse.toObject(errorResponse.decode(detail.value), { enums: String, defaults: true }) as ErrorResponse__Output;
  console.log(`refused: ${grpc.status[refused.code]}, error code ${refused.metadata.get('conclave-error-code')[0]}`);
  console.log(`ErrorResponse: ${body.errorCode} "${body.message}"`);
}

for (const client of [accounts, events, groups, invites, messages]) client.close();
