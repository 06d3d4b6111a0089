import { and, eq, sql } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "./index";
import { assignments, checkIns, clients, firms, selfAssessments, stageOverrides, users, type NewCheckIn } from "./schema";
import { recomputeStages } from "./queries/checkins";
import { refreshStatus } from "./queries/stage-history";
import { hashPassword } from "../lib/auth/password";
import type { Platform, Tool, Attitude } from "../lib/stages/vocabulary";
import { isoDay } from "../lib/validation/primitives";
import { mulberry32 } from "../lib/stages/synthetic";

// A realistic demo firm, the same every time: names, stage paths and observations come
// from a fixed pseudo-random sequence; only the calendar is anchored to the seed day, so
// the histories end "now" (recent check-ins, flags that mean something) on any day.

export const DEMO_PASSWORD = "stageline-demo";

export const DEMO_LOGINS = [
  { email: "manager@example.com", role: "manager", note: "Northwind Social: portfolio, team" },
  { email: "consultant@example.com", role: "consultant", note: "Northwind Social: Priya's clients" },
  { email: "consultant2@example.com", role: "consultant", note: "Northwind Social: Tom's clients" },
  { email: "client@example.com", role: "client", note: "Rosa's Bakery (Priya's client)" },
  { email: "client2@example.com", role: "client", note: "Harbor Bikes (Tom's client)" },
  { email: "other-manager@example.org", role: "manager", note: "Other Firm (sees none of Northwind)" },
] as const;


function addDays(iso: string, days: number): string {
  const d = new Date(iso + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + days);
  return isoDay(d);
}

/** A path through the stages: [stage, number of monthly check-ins] segments. */
type Path = [number, number][];

const PATHS: Record<string, Path> = {
  climber: [[1, 2], [2, 3], [3, 4], [4, 6], [5, 6], [6, 8]],
  climberShort: [[2, 2], [3, 3], [4, 5], [5, 4]],
  stuckIn3: [[2, 3], [3, 11]],
  regressor: [[2, 2], [3, 3], [4, 8], [3, 4]],
  givesUp: [[2, 3], [3, 4], [1, 5]],
  lateStarter: [[1, 10], [2, 3]],
  plateau4: [[3, 3], [4, 12]],
  fast: [[4, 3], [5, 5], [6, 6]],
  oneBadMonth: [[4, 5], [2, 1], [4, 6]],
  newClient: [[1, 1], [2, 1]],
  toolsEarly: [[2, 2], [3, 2], [4, 4], [5, 10]],
  evangelist: [[5, 4], [6, 14]],
  dismissive: [[1, 8]],
  slowTrial: [[2, 4], [3, 6], [4, 3]],
  slipped5: [[4, 4], [5, 6], [4, 2], [3, 3]],
};

interface ClientSeed {
  name: string;
  industry: string;
  path: keyof typeof PATHS | null;
  /** Days between the last check-in and the seed day. */
  lastAgo?: number;
  /** Years the accounts existed before the first check-in (a client that joins with old accounts). */
  oldAccounts?: boolean;
}

// consultant index -> clients
const NORTHWIND: ClientSeed[][] = [
  [
    { name: "Rosa's Bakery", industry: "Bakery", path: "climber" },
    { name: "Corner Books", industry: "Bookshop", path: "stuckIn3" },
    { name: "Lumen Yoga", industry: "Fitness", path: "plateau4", oldAccounts: true },
    { name: "Brightside Dental", industry: "Healthcare", path: "regressor" },
    { name: "Maple & Thread", industry: "Tailoring", path: "newClient" },
    { name: "Nimbus Coffee", industry: "Café", path: "fast", oldAccounts: true },
    { name: "Old Mill Antiques", industry: "Antiques", path: "dismissive", lastAgo: 70 },
    { name: "Kettle & Crumb", industry: "Café", path: "oneBadMonth", oldAccounts: true },
    { name: "Fernway Florist", industry: "Florist", path: "toolsEarly" },
    { name: "Quayside Fish Bar", industry: "Restaurant", path: "givesUp" },
    { name: "Pine Street Vet", industry: "Veterinary", path: null },
  ],
  [
    { name: "Harbor Bikes", industry: "Bike shop", path: "slowTrial" },
    { name: "Golden Wok", industry: "Restaurant", path: "climberShort" },
    { name: "Stonegate Builders", industry: "Construction", path: "lateStarter" },
    { name: "Velvet Salon", industry: "Hair salon", path: "evangelist", oldAccounts: true },
    { name: "Northside Plumbing", industry: "Trades", path: "stuckIn3", lastAgo: 55 },
    { name: "Petal Press", industry: "Stationery", path: "slipped5", oldAccounts: true },
    { name: "Bluebird Daycare", industry: "Childcare", path: "plateau4" },
    { name: "Copperpot Kitchen", industry: "Restaurant", path: "climber" },
    { name: "Ridge Outdoor Gear", industry: "Retail", path: "regressor" },
    { name: "Sunny Paws Grooming", industry: "Pet care", path: "newClient" },
  ],
  [
    { name: "Atlas Accounting", industry: "Accounting", path: "dismissive" },
    { name: "Willow Tea Room", industry: "Café", path: "climberShort" },
    { name: "Ironclad Gym", industry: "Fitness", path: "fast", oldAccounts: true },
    { name: "Riverbend Pottery", industry: "Crafts", path: "givesUp" },
    { name: "Mosaic Interiors", industry: "Interior design", path: "toolsEarly" },
    { name: "Crescent Pharmacy", industry: "Pharmacy", path: "slowTrial", lastAgo: 80 },
    { name: "Little Sprout Toys", industry: "Toy shop", path: "oneBadMonth", oldAccounts: true },
    { name: "Summit Driving School", industry: "Education", path: "lateStarter" },
    { name: "Juniper Spa", industry: "Wellness", path: "evangelist", oldAccounts: true },
    { name: "Harvest Grocer", industry: "Grocery", path: "stuckIn3" },
    { name: "Beacon Print Shop", industry: "Printing", path: "plateau4" },
  ],
  [
    { name: "Orchard Cider Co.", industry: "Drinks", path: "climber" },
    { name: "Tidewater Kayaks", industry: "Outdoor", path: "slipped5", oldAccounts: true },
    { name: "Saffron House", industry: "Restaurant", path: "regressor" },
    { name: "Keystone Locksmiths", industry: "Trades", path: "dismissive" },
    { name: "Bramble Bookbinders", industry: "Crafts", path: "slowTrial" },
    { name: "Elm Street Optics", industry: "Optician", path: "climberShort" },
    { name: "Wildflower Weddings", industry: "Events", path: "fast", oldAccounts: true },
    { name: "Granite Tile & Stone", industry: "Construction", path: "givesUp", lastAgo: 62 },
    { name: "Cobalt Music School", industry: "Education", path: "toolsEarly" },
    { name: "Hearth Bakehouse", industry: "Bakery", path: "newClient" },
  ],
];

const OTHER: ClientSeed[] = [
  { name: "Seaside Surf School", industry: "Outdoor", path: "climberShort" },
  { name: "Rosa's Bakery", industry: "Bakery", path: "stuckIn3" }, // same name as Northwind's: firms are separate
  { name: "Cedar Carpentry", industry: "Trades", path: "dismissive" },
];

type Rand = () => number;
const pick = <T,>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const between = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const round2 = (x: number) => Math.round(x * 100) / 100;

function observation(r: Rand, stage: number, accounts: Platform[], followers: number): Omit<NewCheckIn, "clientId" | "authorId" | "date"> {
  const toolsFor: Record<number, Tool[]> = {
    1: [],
    2: [],
    3: r() < 0.3 ? ["scheduling"] : [],
    4: ["scheduling"],
    5: r() < 0.5 ? ["scheduling", "analytics", "monitoring"] : ["scheduling", "analytics", "influence"],
    6: ["scheduling", "analytics", "monitoring", "crm"],
  };
  const attitudes: Record<number, Attitude[]> = {
    1: ["dismissive"],
    2: ["hopeful", "hesitant"],
    3: ["frustrated"],
    4: ["comfortable"],
    5: ["enthusiastic", "comfortable"],
    6: ["evangelist"],
  };
  const base = {
    accounts: stage === 1 ? accounts.slice(0, accounts.length > 0 && r() < 0.5 ? 1 : 0) : accounts,
    tools: toolsFor[stage],
    attitude: r() < 0.1 ? null : pick(r, attitudes[stage]),
    followers: stage === 1 ? null : followers,
    notes: null as string | null,
  };
  switch (stage) {
    case 1:
      return { ...base, postsLast30d: 0, rhythm: "none", automatedShare: 0, replies: "none", promotion: "none", results: "none", advocacy: "none", mentionResponseHours: null };
    case 2:
      return { ...base, postsLast30d: between(r, 1, 4), rhythm: "sporadic", automatedShare: round2(0.5 + r() * 0.4), replies: r() < 0.7 ? "none" : "some", promotion: "none", results: "none", advocacy: "none", mentionResponseHours: null };
    case 3:
      return { ...base, postsLast30d: between(r, 2, 6), rhythm: "sporadic", automatedShare: round2(0.4 + r() * 0.4), replies: "some", promotion: "light", results: "none", advocacy: "none", mentionResponseHours: between(r, 48, 200) };
    case 4:
      return { ...base, postsLast30d: between(r, 12, 25), rhythm: "scheduled", automatedShare: round2(r() * 0.25), replies: "consistent", promotion: pick(r, ["light", "active"] as const), results: "some", advocacy: "none", mentionResponseHours: between(r, 8, 30) };
    case 5:
      return { ...base, postsLast30d: between(r, 15, 35), rhythm: "scheduled", automatedShare: round2(r() * 0.2), replies: "consistent", promotion: "active", results: "clear", advocacy: r() < 0.2 ? "some" : "none", mentionResponseHours: between(r, 1, 6) };
    default:
      return { ...base, postsLast30d: between(r, 20, 40), rhythm: "scheduled", automatedShare: round2(r() * 0.15), replies: "consistent", promotion: "active", results: "clear", advocacy: "active", mentionResponseHours: between(r, 1, 4) };
  }
}

const NOTES: Record<number, string[]> = {
  1: ["Says customers come in, why bother with social media.", "Not interested yet; talked about what competitors do."],
  2: ["Opened accounts; blog is synced to Facebook.", "Posts when they remember. Hoping for new customers soon."],
  3: ["Frustrated: 'nobody sees our posts'.", "Agreed to try setting aside 20 minutes each morning."],
  4: ["Scheduling posts on Mondays, answering every comment.", "Two new customers mentioned Instagram this month."],
  5: ["Set up brand-mention alerts; answering within hours.", "Reviewing analytics weekly with the team."],
  6: ["Spoke at the chamber of commerce about their approach.", "Referred two other shop owners to us."],
};

function buildHistory(r: Rand, seed: ClientSeed, today: string): Omit<NewCheckIn, "clientId" | "authorId">[] {
  if (!seed.path) return [];
  const segments = PATHS[seed.path];
  const total = segments.reduce((n, [, k]) => n + k, 0);
  const lastDate = addDays(today, -(seed.lastAgo ?? between(r, 2, 28)));
  // Roughly monthly check-ins, with a little jitter, ending on lastDate.
  const gaps = Array.from({ length: total - 1 }, () => between(r, 24, 38));
  let date = addDays(lastDate, -gaps.reduce((a, b) => a + b, 0));
  const allAccounts: Platform[] = ["facebook", "instagram", "x", "blog", "linkedin", "tiktok", "youtube", "pinterest"];
  const accounts = [...new Set([pick(r, ["facebook", "instagram"] as Platform[]), ...allAccounts.filter(() => r() < 0.35)])];
  const accountsSince = seed.oldAccounts ? addDays(date, -between(r, 400, 1000)) : null;
  let followers = between(r, 20, 150);
  const out: Omit<NewCheckIn, "clientId" | "authorId">[] = [];
  let i = 0;
  for (const [stage, count] of segments) {
    for (let k = 0; k < count; k++, i++) {
      followers = Math.round(followers * (1 + (stage - 1) * 0.02 + r() * 0.03));
      const obs = observation(r, stage, accounts, followers);
      out.push({
        ...obs,
        date,
        accountsSince: i === 0 ? accountsSince : null,
        notes: r() < 0.35 ? pick(r, NOTES[stage]) : null,
      });
      if (i < gaps.length) date = addDays(date, gaps[i]);
    }
  }
  return out;
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ any: boolean }>(db, sql`select exists(select 1 from firms) as any`);
  return !row.any;
}

export async function resetDatabase(db: Db): Promise<void> {
  await db.execute(
    sql`truncate audit_log, self_assessments, stage_overrides, stage_assessments, check_ins, assignments, users, clients, firms restart identity cascade`,
  );
}

export interface SeedSummary {
  firms: number;
  users: number;
  clients: number;
  checkIns: number;
}

export async function seedDemo(db: Db, opts: { today?: string } = {}): Promise<SeedSummary> {
  const today = opts.today ?? isoDay();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const r = mulberry32(20260126);
  return db.transaction(async (tx) => {
    const summary: SeedSummary = { firms: 0, users: 0, clients: 0, checkIns: 0 };
    const addUser = async (firmId: string, email: string, name: string, role: "manager" | "consultant" | "client", clientId: string | null = null) => {
      const [u] = await tx.insert(users).values({ firmId, email, name, role, clientId, passwordHash }).returning();
      summary.users++;
      return u;
    };
    const addClients = async (firmId: string, consultant: { id: string; email: string }, managerId: string, list: ClientSeed[]) => {
      const consultantId = consultant.id;
      const ids: string[] = [];
      for (const seed of list) {
        const [c] = await tx.insert(clients).values({ firmId, name: seed.name, industry: seed.industry }).returning();
        await tx.insert(assignments).values({ clientId: c.id, consultantId, assignedBy: managerId });
        const history = buildHistory(r, seed, today);
        if (history.length > 0) {
          await tx.insert(checkIns).values(history.map((h) => ({ ...h, consultant: consultant.email, clientId: c.id, authorId: consultantId })));
          await recomputeStages(tx as Tx, c.id);
        }
        summary.clients++;
        summary.checkIns += history.length;
        ids.push(c.id);
      }
      return ids;
    };

    const [northwind] = await tx.insert(firms).values({ name: "Northwind Social", timeZone: "Asia/Dhaka" }).returning();
    const [other] = await tx.insert(firms).values({ name: "Other Firm" }).returning();
    summary.firms = 2;

    const manager = await addUser(northwind.id, "manager@example.com", "Maya Chen", "manager");
    const consultantNames = [
      ["consultant@example.com", "Priya Raman"],
      ["consultant2@example.com", "Tom Okafor"],
      ["consultant3@example.com", "Ana Lima"],
      ["consultant4@example.com", "Jonas Berg"],
    ];
    const clientIds: string[][] = [];
    for (let i = 0; i < consultantNames.length; i++) {
      const [email, name] = consultantNames[i];
      const consultant = await addUser(northwind.id, email, name, "consultant");
      clientIds.push(await addClients(northwind.id, consultant, manager.id, NORTHWIND[i]));
    }
    const rosa = await addUser(northwind.id, "client@example.com", "Rosa Martins", "client", clientIds[0][0]);
    // The demo shows the features beside the inference: a consultant's overrides (one that
    // disagrees, one internal) and a client's own answer that is two stages from the inference.
    const priya = await tx.select().from(users).where(eq(users.email, "consultant@example.com"));
    const clientByName = async (name: string) => (await tx.select().from(clients).where(and(eq(clients.firmId, northwind.id), eq(clients.name, name))))[0];
    const corner = await clientByName("Corner Books");
    const brightside = await clientByName("Brightside Dental");
    await tx.insert(stageOverrides).values([
      { clientId: corner.id, stage: 4, reason: "Started a posting schedule two weeks ago and answers every comment; the next check-in should show it.", internal: false, effectiveDate: addDays(today, -5), authorId: priya[0].id },
      { clientId: brightside.id, stage: 4, reason: "Owner is on leave; the dip is temporary, confirmed with the practice manager.", internal: true, effectiveDate: addDays(today, -10), authorId: priya[0].id },
    ]);
    await tx.insert(selfAssessments).values({ clientId: clientIds[0][0], userId: rosa.id, stage: 4, note: "We post every week now, but I wouldn't call myself an evangelist yet!", date: addDays(today, -12) });
    // Written directly, so their clients' stored status is refreshed here, as the app's writers do.
    await refreshStatus(tx as Tx, [corner.id, brightside.id, clientIds[0][0]]);
    await addUser(northwind.id, "client2@example.com", "Sam Harbor", "client", clientIds[1][0]);

    const otherManager = await addUser(other.id, "other-manager@example.org", "Olga Petrov", "manager");
    const otherConsultant = await addUser(other.id, "other-consultant@example.org", "Otto Reyes", "consultant");
    await addClients(other.id, otherConsultant, otherManager.id, OTHER);
    return summary;
  });
}

export function demoLoginsText(): string {
  const lines = DEMO_LOGINS.map((l) => `  ${l.email.padEnd(28)} ${l.role.padEnd(11)} ${l.note}`);
  return `Demo logins (password: ${DEMO_PASSWORD}):\n${lines.join("\n")}`;
}
