/** Field name → messages, as the server's `validation_failed` answer carries them. */
export type FieldErrors = Record<string, string[]>;

/** Every failed request becomes one of these; `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldErrors = {},
    /** Anything else the error carried, e.g. `allowed` on an `illegal_transition`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type ErrorBody = {
  error: { code: string; message: string; fields?: FieldErrors; [detail: string]: unknown };
};

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const { error } = value;
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string";
}

/** Reads the contract's `{"error":{code,message,fields}}`; anything else still yields a usable error. */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  if (isErrorBody(body)) {
    const { code, message, fields, ...details } = body.error;
    return new ApiError(response.status, code, message, fields ?? {}, details);
  }
  return new ApiError(response.status, `http_${response.status}`, response.statusText || "Request failed");
}
