import { LoginRequest, SignupRequest, uuidv7 } from "@chalan/core";
import type { FastifyPluginAsync } from "fastify";
import { hashPassword, verifyPassword } from "../../auth/passwords";
import { issueToken } from "../../auth/tokens";
import { withTransaction } from "../../db/transaction";
import type { AppDeps } from "../app";
import { Problem } from "../problem";
import { parseOr400 } from "../zod-problem";

export const authRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  app.post("/api/signup", async (req, reply) => {
    const body = parseOr400(SignupRequest, req.body, "signup");
    const passwordHash = await hashPassword(body.password);
    const orgId = uuidv7();
    const userId = uuidv7();
    const token = await withTransaction(deps.pool, async (tx) => {
      const taken = await tx.query("SELECT 1 FROM users WHERE lower(email) = $1", [body.email]);
      if (taken.rowCount) {
        throw new Problem(
          409,
          "Email already registered",
          `${body.email} already has an account; sign in instead.`,
        );
      }
      await tx.query("INSERT INTO orgs (id, name) VALUES ($1, $2)", [orgId, body.orgName]);
      await tx.query(
        "INSERT INTO users (org_id, id, name, email, password_hash) VALUES ($1, $2, $3, $4, $5)",
        [orgId, userId, body.name, body.email, passwordHash],
      );
      return issueToken(tx, { orgId, userId }, deps.config.tokenTtlMs);
    });
    return reply.code(201).send({ token, orgId, userId, name: body.name });
  });

  app.post("/api/login", async (req) => {
    const body = parseOr400(LoginRequest, req.body, "login");
    const { rows } = await deps.pool.query<{
      org_id: string;
      id: string;
      name: string;
      password_hash: string;
    }>("SELECT org_id, id, name, password_hash FROM users WHERE lower(email) = $1", [body.email]);
    const user = rows[0];
    if (!user || !(await verifyPassword(user.password_hash, body.password))) {
      throw new Problem(
        401,
        "Wrong email or password",
        "Check the email and password and try again.",
      );
    }
    const token = await issueToken(
      deps.pool,
      { orgId: user.org_id, userId: user.id },
      deps.config.tokenTtlMs,
    );
    // The name comes back so a device can send invoices in the user's name without asking again.
    return { token, orgId: user.org_id, userId: user.id, name: user.name };
  });
};
