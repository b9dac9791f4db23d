// The little of oidc-provider's API the SSO test uses (the package ships no types).
declare module "oidc-provider" {
  import type { Server } from "node:http";
  export class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    listen(port: number, callback?: () => void): Server;
    on(event: string, listener: (ctx: unknown, err: Error) => void): this;
  }
}
