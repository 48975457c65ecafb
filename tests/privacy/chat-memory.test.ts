import { describe, expect, it } from 'vitest';
import { ChatMemory } from '../../src/privacy/chat-memory.ts';

describe('ChatMemory', () => {
  it('keys entries by an HMAC, never by the chat id', () => {
    const memory = new ChatMemory();
    memory.update('987654321', (e) => (e.lang = 'ti'));
    expect(memory.get('987654321')?.lang).toBe('ti');
    expect(memory.keys().join()).not.toContain('987654321');
    expect(memory.get('123')).toBeUndefined();
  });

  it('expires entries after the time to live', () => {
    let now = 0;
    const memory = new ChatMemory({ ttlMs: 1000, rotateMs: 500, now: () => now });
    memory.update('1', (e) => (e.lang = 'ar'));
    now = 400;
    expect(memory.get('1')?.lang).toBe('ar');
    now = 2000;
    expect(memory.get('1')).toBeUndefined();
    expect(memory.size).toBe(0);
  });

  it('rotates the secret: an entry moves to the new key, and two rotations later an idle one is unreachable', () => {
    let now = 0;
    const memory = new ChatMemory({ ttlMs: 10_000, rotateMs: 100, now: () => now });
    memory.update('5', (e) => (e.city = 'gent'));
    const firstKey = memory.keys()[0];
    now = 150;
    expect(memory.get('5')?.city).toBe('gent');
    memory.update('5', () => {});
    expect(memory.keys()[0]).not.toBe(firstKey);
    now = 300;
    memory.get('5');
    now = 450;
    expect(memory.get('5')).toBeUndefined();
  });

  it('keeps at most the newest message ids, and forgets a chat on request', () => {
    const memory = new ChatMemory({ maxMessageIds: 3 });
    for (let i = 1; i <= 5; i++) memory.rememberMessage('7', i);
    expect(memory.get('7')?.messageIds).toEqual([3, 4, 5]);
    memory.forget('7');
    expect(memory.get('7')).toBeUndefined();
  });
});
