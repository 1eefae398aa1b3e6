const DEVICE_KEY = 'photoframe.deviceId';
const TOKEN_KEY = 'photoframe.frameToken';

/**
 * The browser's stable identity, kept in localStorage: a random device id (so this screen keeps its own ambient
 * shuffle and position) and, with frame accounts, the secret token the server handed out when it paired.
 */
export class DeviceIdentity {
  readonly deviceId: string;

  constructor(private readonly storage: Storage | null = safeStorage()) {
    const stored = this.storage?.getItem(DEVICE_KEY);
    if (stored && /^[A-Za-z0-9_-]{8,64}$/.test(stored)) {
      this.deviceId = stored;
    } else {
      this.deviceId = randomId();
      this.storage?.setItem(DEVICE_KEY, this.deviceId);
    }
  }

  token(): string | null {
    return this.storage?.getItem(TOKEN_KEY) ?? null;
  }

  saveToken(token: string): void {
    this.storage?.setItem(TOKEN_KEY, token);
  }
}

/** localStorage, or null where it is blocked (private windows, some kiosk browsers). */
export function safeStorage(): Storage | null {
  try {
    const storage = window.localStorage;
    storage.getItem(DEVICE_KEY);
    return storage;
  } catch {
    return null;
  }
}

function randomId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
