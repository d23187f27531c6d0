import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { ProgramSummary } from "../../api/admin-api";

/** The program a rewards page works on: `?program=ID` in the URL, else the organization's first. */
export function useChosenProgram(programs: ProgramSummary[]) {
  const [searchParams, setSearchParams] = useSearchParams();
  const wanted = searchParams.get("program");
  const program = programs.find((candidate) => candidate.id === wanted) ?? programs[0];
  function choose(programId: string) {
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      next.set("program", programId);
      // Filters and pages belong to the program they were set on.
      next.delete("cursor");
      return next;
    });
  }
  return { program, choose };
}

type ProgramSelectProps = {
  programs: ProgramSummary[];
  value: string;
  onChange: (programId: string) => void;
};

/** Shown only when there is a choice to make. */
export function ProgramSelect({ programs, value, onChange }: ProgramSelectProps) {
  const { t } = useTranslation();
  if (programs.length < 2) return null;
  return (
    <NativeSelect
      label={t("admin.rewardsCommon.program")}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      data={programs.map((program) => ({ value: program.id, label: program.name }))}
      maw={360}
    />
  );
}
