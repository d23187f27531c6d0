// Domain errors carry a stable string code; the HTTP layer maps each class to one status. Services
// throw these and never know about HTTP.
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly status: number = 400;
  constructor(
    public readonly code: string,
    message: string,
    public readonly fields?: FieldErrors,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The request itself is malformed (not a field's value): 400. */
export class BadRequest extends AppError {}

export class Invalid extends AppError {
  override readonly status = 422;
  constructor(fields: FieldErrors, message = "Some fields are invalid.", code = "validation_failed") {
    super(code, message, fields);
  }
}

export class Unauthenticated extends AppError {
  override readonly status = 401;
  constructor(code = "unauthenticated", message = "Sign in first.") {
    super(code, message);
  }
}

export class Forbidden extends AppError {
  override readonly status = 403;
  constructor(code = "forbidden", message = "You may not do this.") {
    super(code, message);
  }
}

export class NotFound extends AppError {
  override readonly status = 404;
  constructor(code = "not_found", message = "Not found.") {
    super(code, message);
  }
}

export class Conflict extends AppError {
  override readonly status = 409;
}

export class TooManyRequests extends AppError {
  override readonly status = 429;
  constructor(code = "rate_limited", message = "Too many requests; try again later.") {
    super(code, message);
  }
}

export type ErrorBody = {
  error: { code: string; message: string; fields?: FieldErrors; [key: string]: unknown };
};

export function errorBody(
  code: string,
  message: string,
  fields?: FieldErrors,
  details?: Record<string, unknown>,
): ErrorBody {
  return { error: { code, message, ...(fields ? { fields } : {}), ...(details ?? {}) } };
}
