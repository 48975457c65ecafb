/**
 * An error the emulated Bot API answers with. Method handlers throw it; the server turns it into
 * `{ ok: false, error_code, description, parameters? }` with the HTTP status equal to
 * error_code, exactly as api.telegram.org does.
 */
export interface ResponseParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
    this.name = 'ApiError';
  }

  toJSON(): { ok: false; error_code: number; description: string; parameters?: ResponseParameters } {
    return {
      ok: false,
      error_code: this.code,
      description: this.description,
      ...(this.parameters ? { parameters: this.parameters } : {}),
    };
  }
}

export const badRequest = (message: string) => new ApiError(400, `Bad Request: ${message}`);
export const forbidden = (message: string) => new ApiError(403, `Forbidden: ${message}`);
export const conflict = (message: string) => new ApiError(409, `Conflict: ${message}`);
export const tooManyRequests = (retryAfter: number) => new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
