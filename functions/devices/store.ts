// Devices in the single table, listed per port on the byPort index and, while assigned, per call
// on the byOwner index (a ship's departure releases its devices without reading the port's all).
import { keys } from '#shared/keys.ts';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll, withoutKeys } from '#shared/dynamo.ts';
import { documentClient, tableName } from '#shared/aws.ts';
import { ConflictError } from '#shared/errors.ts';
import type * as z from 'zod';
import type { Device, DeviceKeyRecord } from './schema.ts';

export interface StoredDevice extends Device {
  keys: z.infer<typeof DeviceKeyRecord>[];
  rev: number;
}

const key = keys.device;

export interface DeviceStore {
  get(deviceId: string): Promise<StoredDevice | undefined>;
  /**
   * The device as read at most `maxAgeMs` ago by this container: for authenticating each gangway
   * request without a read. A change made here is seen at once; one made elsewhere within maxAgeMs.
   */
  recent(deviceId: string, maxAgeMs: number): Promise<StoredDevice | undefined>;
  /** Writes the device if it is still at `rev - 1` (or new when rev is 1). */
  save(device: StoredDevice): Promise<void>;
  listByPort(port: string): Promise<StoredDevice[]>;
  /** The devices assigned to the call (read from an index: one assigned a moment ago may be missing). */
  listByCall(callId: string): Promise<StoredDevice[]>;
}

const recentlyRead = new Map<string, { device: StoredDevice | undefined; at: number }>();

export const dynamoDeviceStore: DeviceStore = {
  async recent(deviceId, maxAgeMs) {
    const hit = recentlyRead.get(deviceId);
    if (hit && performance.now() - hit.at < maxAgeMs) return hit.device;
    const device = await this.get(deviceId);
    if (recentlyRead.size > 10_000) recentlyRead.clear();
    recentlyRead.set(deviceId, { device, at: performance.now() });
    return device;
  },

  async get(deviceId) {
    const out = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: key(deviceId), ConsistentRead: true }),
    );
    return out.Item ? withoutKeys<StoredDevice>(out.Item) : undefined;
  },

  async save(device) {
    recentlyRead.delete(device.deviceId);
    try {
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: {
            ...key(device.deviceId),
            ...keys.deviceByPort(device.port, device.deviceId),
            ...(device.callId && keys.deviceOfCall(device.callId, device.deviceId)),
            ...device,
          },
          ConditionExpression: device.rev === 1 ? 'attribute_not_exists(pk)' : 'rev = :previous',
          ...(device.rev > 1 && { ExpressionAttributeValues: { ':previous': device.rev - 1 } }),
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw new ConflictError('The device was changed meanwhile; retry');
      throw error;
    }
  },

  async listByPort(port) {
    const items = await queryAll({
      IndexName: 'byPort',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.portPartition(port), ':prefix': keys.deviceItemPrefix },
    });
    return items.map((i) => withoutKeys<StoredDevice>(i));
  },

  async listByCall(callId) {
    const items = await queryAll({
      IndexName: 'byOwner',
      KeyConditionExpression: 'gsi3pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.callDevicesPartition(callId) },
    });
    return items.map((i) => withoutKeys<StoredDevice>(i));
  },
};
