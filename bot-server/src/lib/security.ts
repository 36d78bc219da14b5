// Security headers (helmet) and the Content-Security-Policy for the mini app we serve.
import type { RequestHandler } from "express";
import helmet from "helmet";

export interface CspOptions {
  /** the Zalo sandbox origin the mini app may call in a desktop browser; null with real Zalo */
  sandboxOrigin: string | null;
  /** 'sha256-…' sources for inline scripts we serve ourselves */
  scriptHashes?: string[];
}

const ZALO_STATIC_CDN = "https://h5.zadn.vn";

type Directives = Record<string, Iterable<string> | null>;

export function cspDirectives({ sandboxOrigin, scriptHashes = [] }: CspOptions): Directives {
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'", ...scriptHashes],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    // zmp-ui's zaui.css loads its icon font (ZMPIcons) from Zalo's CDN.
    "font-src": ["'self'", "data:", ZALO_STATIC_CDN],
    "connect-src": ["'self'", ...(sandboxOrigin ? [sandboxOrigin] : [])],
    // In sandbox mode everything is plain http on this machine; upgrading would break it.
    "upgrade-insecure-requests": sandboxOrigin ? null : [],
  };
}

export function securityHeaders(options: CspOptions): RequestHandler {
  return helmet({ contentSecurityPolicy: { useDefaults: true, directives: cspDirectives(options) } });
}

/** The CSP alone, for a response that needs extra sources (an inline script's hash). */
export function contentSecurityPolicy(options: CspOptions): RequestHandler {
  return helmet.contentSecurityPolicy({ useDefaults: true, directives: cspDirectives(options) });
}
