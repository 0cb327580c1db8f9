/**
 * Who reads the status parts. The contact centre's view renders the same components as the
 * person's own page, read-only: no link to a letter, a document or a message, no form, no account
 * number. Components ask `useStaffView()` instead of taking a prop through every layer.
 */
import { createContext, useContext } from "react";

const StaffViewContext = createContext(false);

/** Wrap a staff page's content: everything inside renders read-only. */
export function StaffView({ children }: { children: React.ReactNode }) {
  return <StaffViewContext.Provider value={true}>{children}</StaffViewContext.Provider>;
}

export const useStaffView = (): boolean => useContext(StaffViewContext);
