import { Inject, Injectable } from '@nestjs/common';
import { createSecretBox, maskSecret } from '@hookrelay/core';
import type { HeaderPair, JsonObject, SecretBox } from '@hookrelay/core';
import type { StoredHeader } from '@hookrelay/db';
import { mapSecretSettings } from '@hookrelay/targets';
import type { SettingField } from '@hookrelay/targets';
import { API_CONFIG, ApiConfig } from '../config';

/**
 * Everything secret about a webhook goes through here: signing secrets, secret header values and secret
 * target settings are sealed at rest and masked in responses. A masked value sent back unchanged on
 * update means "keep the stored secret".
 */
@Injectable()
export class WebhookSecrets {
  private readonly box: SecretBox;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.box = createSecretBox(config.encryptionKey);
  }

  seal(plain: string): string {
    return this.box.encrypt(plain);
  }

  open(sealed: string): string {
    return this.box.decrypt(sealed);
  }

  /** Plain header values: masked secrets sent back unchanged are replaced by the stored plain value. */
  resolveHeaders(incoming: HeaderPair[], stored: StoredHeader[]): HeaderPair[] {
    return incoming.map((header) => {
      if (!header.secret) return { key: header.key, value: header.value };
      const previous = stored.find((s) => s.secret && s.key.toLowerCase() === header.key.toLowerCase());
      const previousPlain = previous ? this.open(previous.value) : undefined;
      const value =
        previousPlain !== undefined && header.value === maskSecret(previousPlain)
          ? previousPlain
          : header.value;
      return { key: header.key, value, secret: true };
    });
  }

  sealHeaders(headers: HeaderPair[]): StoredHeader[] {
    return headers.map((h) =>
      h.secret ? { key: h.key, value: this.seal(h.value), secret: true } : { key: h.key, value: h.value },
    );
  }

  openHeaders(stored: StoredHeader[]): HeaderPair[] {
    return stored.map((h) =>
      h.secret ? { key: h.key, value: this.open(h.value), secret: true } : { key: h.key, value: h.value },
    );
  }

  maskHeaders(stored: StoredHeader[]): HeaderPair[] {
    return stored.map((h) =>
      h.secret
        ? { key: h.key, value: maskSecret(this.open(h.value)), secret: true }
        : { key: h.key, value: h.value },
    );
  }

  /** Plain settings: masked secret settings sent back unchanged take the stored plain value. */
  resolveSettings(
    schema: readonly SettingField[],
    incoming: JsonObject,
    stored: JsonObject | null,
  ): JsonObject {
    return mapSecretSettings({
      schema,
      settings: incoming,
      transform: (value, key) => {
        const previous = stored?.[key];
        if (typeof previous !== 'string') return value;
        const previousPlain = this.open(previous);
        return value === maskSecret(previousPlain) ? previousPlain : value;
      },
    });
  }

  sealSettings(schema: readonly SettingField[], settings: JsonObject): JsonObject {
    return mapSecretSettings({ schema, settings, transform: (value) => this.seal(value) });
  }

  openSettings(schema: readonly SettingField[], settings: JsonObject): JsonObject {
    return mapSecretSettings({ schema, settings, transform: (value) => this.open(value) });
  }

  maskSettings(schema: readonly SettingField[], settings: JsonObject): JsonObject {
    return mapSecretSettings({ schema, settings, transform: (value) => maskSecret(this.open(value)) });
  }
}
