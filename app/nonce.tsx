import { createContext, useContext } from "react";

/** The per-response CSP nonce, for the few inline scripts React and Remix render. */
const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
