// The session version a session was issued under (lib/auth/session-version.ts).
import "next-auth";

declare module "next-auth" {
  interface User {
    sv?: number;
  }
}
