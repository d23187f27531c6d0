import { QueryClient } from "@tanstack/react-query";
import { isApiError } from "../api/api-error";

function shouldRetry(failureCount: number, error: Error): boolean {
  // A 4xx will not change by asking again (401 means "sign in"); network trouble and 5xx may.
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}
