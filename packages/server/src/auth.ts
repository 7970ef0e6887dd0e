/**
 * Bearer tokens: `base64url(JSON claims) + "." + base64url(HMAC-SHA256(secret, payload))`.
 * Claims carry the tenant, the role and, for a learner, their account id; `exp` in seconds.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ROLES, type Role } from '@creditbank/core/api';
import { forbidden, unauthorized } from './problems.js';

export interface Claims {
  tenant: string;
  role: Role;
  /** the learner's account id (role learner only) */
  learner?: string | undefined;
}

interface Payload extends Claims {
  iat: number;
  exp: number;
}

/** Default lifetime of a token the server issues (`issueToken`, dev token endpoint). */
export const DEFAULT_TTL_SECONDS = 12 * 3600;

export class TokenService {
  constructor(private readonly secret: string) {
    if (secret.length < 16) throw new RangeError('tokenSecret must be at least 16 characters');
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }

  issue(claims: Claims, ttlSeconds = DEFAULT_TTL_SECONDS, now = Date.now()): string {
    if (!ROLES.includes(claims.role)) throw new RangeError(`unknown role ${claims.role}`);
    if (claims.role === 'learner' && !claims.learner) {
      throw new RangeError('a learner token needs the learner id');
    }
    const iat = Math.floor(now / 1000);
    const body: Payload = {
      tenant: claims.tenant,
      role: claims.role,
      ...(claims.role === 'learner' ? { learner: claims.learner } : {}),
      iat,
      exp: iat + ttlSeconds,
    };
    const payload = Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** The claims of a valid token; throws 401 problems for anything else. */
  verify(token: string, now = Date.now()): Claims {
    const parts = token.split('.');
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      throw unauthorized('malformed bearer token');
    }
    const [payload, signature] = parts as [string, string];
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw unauthorized('bad token signature');
    }
    let data: unknown;
    try {
      data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw unauthorized('malformed bearer token');
    }
    const p = data as Partial<Payload>;
    if (
      typeof p.tenant !== 'string' ||
      !ROLES.includes(p.role as Role) ||
      typeof p.exp !== 'number' ||
      (p.role === 'learner' && typeof p.learner !== 'string')
    ) {
      throw unauthorized('malformed token claims');
    }
    if (p.exp * 1000 <= now) throw unauthorized('token expired');
    return { tenant: p.tenant, role: p.role as Role, learner: p.learner };
  }
}

/** The claims of an `Authorization: Bearer …` header. */
export function authenticate(header: string | undefined, tokens: TokenService): Claims {
  if (!header) throw unauthorized('missing bearer token');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthorized('expected Authorization: Bearer <token>');
  return tokens.verify(match[1] as string);
}

export function requireRole(claims: Claims, roles: readonly Role[]): void {
  if (!roles.includes(claims.role)) {
    throw forbidden(`this needs the role ${roles.join(' or ')}, the token has ${claims.role}`);
  }
}
