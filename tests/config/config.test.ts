/** The settings a volunteer gives, parsed once: what is accepted, and what each refusal says. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';

const token = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abc';

describe('parseConfig', () => {
  it('runs the simulator with nothing set, and treats an empty variable as unset', () => {
    expect(parseConfig({})).toEqual({ BOT_MODE: 'polling', DATA_DIR: './var', LOG_LEVEL: 'info', PORT: 3000, HOST: '0.0.0.0' });
    expect(parseConfig({ BOT_TOKEN: '', DATA_DIR: '', BOT_MODE: '' })).toEqual(parseConfig({}));
  });

  it('has webhook settings only in webhook mode, and requires them there', () => {
    const webhook = parseConfig({ BOT_TOKEN: token, BOT_MODE: 'webhook', WEBHOOK_URL: 'https://bot.example.org/hook', WEBHOOK_SECRET: 'a-long-enough-secret' });
    expect(webhook).toMatchObject({ BOT_MODE: 'webhook', WEBHOOK_URL: 'https://bot.example.org/hook', WEBHOOK_SECRET: 'a-long-enough-secret' });
    expect(parseConfig({ BOT_TOKEN: token, WEBHOOK_URL: 'https://bot.example.org/hook' })).not.toHaveProperty('WEBHOOK_URL');
    expect(() => parseConfig({ BOT_TOKEN: token, BOT_MODE: 'webhook', WEBHOOK_URL: 'https://bot.example.org/hook' })).toThrow('BOT_MODE=webhook needs WEBHOOK_SECRET');
    expect(() => parseConfig({ BOT_TOKEN: token, BOT_MODE: 'webhook', WEBHOOK_SECRET: 'a-long-enough-secret' })).toThrow('BOT_MODE=webhook needs WEBHOOK_URL');
  });

  it('takes webhook updates only over https (plain http only to this machine) and with a secret not easily guessed', () => {
    const base = { BOT_TOKEN: token, BOT_MODE: 'webhook', WEBHOOK_SECRET: 'a-long-enough-secret' };
    expect(() => parseConfig({ ...base, WEBHOOK_URL: 'http://bot.example.org/hook' })).toThrow('WEBHOOK_URL must start with https://');
    expect(() => parseConfig({ ...base, WEBHOOK_URL: 'ftp://bot.example.org/hook' })).toThrow('WEBHOOK_URL must start with https://');
    expect(parseConfig({ ...base, WEBHOOK_URL: 'http://127.0.0.1:8443/hook' })).toMatchObject({ WEBHOOK_URL: 'http://127.0.0.1:8443/hook' });
    expect(() => parseConfig({ ...base, WEBHOOK_URL: 'https://bot.example.org/hook', WEBHOOK_SECRET: 'short-secret' })).toThrow('WEBHOOK_SECRET must be at least 16 characters');
    expect(() => parseConfig({ ...base, WEBHOOK_URL: 'https://bot.example.org/hook', WEBHOOK_SECRET: 'with spaces in it, sixteen+' })).toThrow('letters, digits, _ and - only');
  });

  it('says every wrong setting at once, in words for a volunteer, without repeating its value', () => {
    let message = '';
    try {
      parseConfig({ BOT_TOKEN: 'not-a-token', PORT: 'eighty', BOT_MODE: 'poll', LOG_LEVEL: 'loud' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('BOT_TOKEN looks wrong');
    expect(message).toContain('BOT_MODE must be polling or webhook');
    expect(message).toContain('LOG_LEVEL must be one of');
    expect(message).toContain('PORT must be a number');
    expect(message.match(/BOT_TOKEN looks wrong/g)).toHaveLength(1);
    expect(message).not.toContain('not-a-token');
  });
});
