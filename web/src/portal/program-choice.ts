import { useQuery } from "@tanstack/react-query";
import { listPublicPrograms, type PublicProgram } from "../api/public-api";
import { queryKeys } from "../api/query-keys";

/** Which program a sign-in link is asked for: named in the URL, the only one there is, or the person picks. */
export type ProgramChoice =
  | { kind: "known"; slug: string; name?: string }
  | { kind: "pick"; programs: PublicProgram[] }
  | { kind: "loading" }
  | { kind: "failed"; retry: () => void }
  | { kind: "none" };

export function useProgramChoice(slugFromUrl: string | null): ProgramChoice {
  const programs = useQuery({ queryKey: queryKeys.publicPrograms, queryFn: listPublicPrograms });

  if (slugFromUrl) {
    // The list only adds the display name; the form works without it.
    const name = programs.data?.find((program) => program.slug === slugFromUrl)?.name;
    return { kind: "known", slug: slugFromUrl, name };
  }
  if (programs.isPending) return { kind: "loading" };
  if (programs.isError) return { kind: "failed", retry: () => void programs.refetch() };
  const [only, ...others] = programs.data;
  if (!only) return { kind: "none" };
  if (others.length === 0) return { kind: "known", slug: only.slug, name: only.name };
  return { kind: "pick", programs: programs.data };
}
