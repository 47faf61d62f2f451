import { createContext, useContext } from "react";

// The CSP nonce of the current response, so every inline script can carry it.
const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
