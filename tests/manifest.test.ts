/**
 * Offline manifest validation (the office-addin-manifest web service is unreachable here):
 * schema order, resources, URLs, requirement sets, icons, and the built functions.json.
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";

const root = path.join(__dirname, "..");
const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  preserveOrder: false,
});
const ordered = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  preserveOrder: true,
});

const doc: any = parser.parse(xml);
const app = doc.OfficeApp;

function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function asArray<T>(x: T | T[] | undefined): T[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

describe("manifest.xml", () => {
  it("is a TaskPaneApp for workbooks", () => {
    expect(app["@xsi:type"]).toBe("TaskPaneApp");
    expect(app.Hosts.Host["@Name"]).toBe("Workbook");
    expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(app.Id).not.toBe("ca968be6-628b-4f14-ba3c-3e614effa9bd"); // the template's GUID
    expect(app.Permissions).toBe("ReadWriteDocument");
  });

  it("lists the top-level elements in schema order", () => {
    const schemaOrder = [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ];

    const top = (ordered.parse(xml) as any[])
      .find((n) => n.OfficeApp)
      .OfficeApp.map((n: object) => Object.keys(n)[0]);
    const present = top.filter((k: string) => schemaOrder.includes(k));
    expect(present).toEqual(schemaOrder.filter((k) => present.includes(k)));
    for (const required of [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "Hosts",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ]) {
      expect(top).toContain(required);
    }
  });

  it("requires the shared runtime, custom functions and the declared ExcelApi floor", () => {
    const sets = asArray(app.Requirements.Sets.Set).map(
      (s: Record<string, string>) => `${s["@Name"]} ${s["@MinVersion"]}`
    );
    expect(sets).toEqual(
      expect.arrayContaining(["SharedRuntime 1.1", "CustomFunctionsRuntime 1.3", "ExcelApi 1.8"])
    );
  });

  it("uses https for every URL", () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
    for (const d of asArray(app.AppDomains.AppDomain)) expect(d).toMatch(/^https:\/\//);
  });

  it("defines every resid once, each at most 32 characters", () => {
    const used = new Set([...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
    const defined = [...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(defined).size).toBe(defined.length);
    for (const id of used) expect(defined).toContain(id);
    for (const id of defined) expect(id.length).toBeLessThanOrEqual(32);
  });

  it("has a long-lived shared runtime, the SALES namespace and a Home tab button", () => {
    const host = app.VersionOverrides.Hosts.Host;
    expect(host.Runtimes.Runtime["@resid"]).toBe("Taskpane.Url");
    expect(host.Runtimes.Runtime["@lifetime"]).toBe("long");
    const cf = host.AllFormFactors.ExtensionPoint;
    expect(cf["@xsi:type"]).toBe("CustomFunctions");
    expect(cf.Page.SourceLocation["@resid"]).toBe("Taskpane.Url");
    expect(host.DesktopFormFactor.FunctionFile["@resid"]).toBe("Taskpane.Url");
    const strings = asArray(app.VersionOverrides.Resources["bt:ShortStrings"]["bt:String"]);

    expect(strings.find((s: any) => s["@id"] === cf.Namespace["@resid"])["@DefaultValue"]).toBe(
      "SALES"
    );
    const tab = host.DesktopFormFactor.ExtensionPoint.OfficeTab;
    expect(tab["@id"]).toBe("TabHome");
    expect(tab.Group.Control.Action["@xsi:type"]).toBe("ShowTaskpane");
  });

  it("points at icon files that exist with the declared pixel sizes", () => {
    const images = asArray(app.VersionOverrides.Resources["bt:Images"]["bt:Image"]) as Record<
      string,
      string
    >[];
    const all = [
      ...images.map((i) => ({
        url: i["@DefaultValue"],
        size: Number(/(\d+)x\1/.exec(i["@id"])?.[1]),
      })),
      { url: app.IconUrl["@DefaultValue"], size: 32 },
      { url: app.HighResolutionIconUrl["@DefaultValue"], size: 64 },
    ];
    for (const { url, size } of all) {
      const file = path.join(root, new URL(url).pathname);
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });
});

describe("built functions.json", () => {
  const built = path.join(root, "dist", "functions.json");
  const maybe = fs.existsSync(built) ? it : it.skip;
  if (!fs.existsSync(built))
    console.warn("dist/functions.json missing: run `npm run build` first (npm test does)");

  maybe("has unique upper-case ids that Excel accepts", () => {
    const { functions } = JSON.parse(fs.readFileSync(built, "utf8")) as {
      functions: { id: string; name: string }[];
    };
    const ids = functions.map((f) => f.id);
    expect(ids).toContain("WIN_RATE");
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Z][A-Z0-9_.]*$/);
      expect(id).not.toMatch(/^[A-Z]{1,3}[0-9]+$/); // would read as a cell reference
    }
  });

  // `npm run build` is a local build (its manifest keeps localhost); the release build
  // (`npm run build:prod`, ADDIN_PUBLIC_URL required) rewrites every dev URL with this function.
  it("rewrites every dev URL for the release manifest", () => {
    const { rewriteManifest } = require("../scripts/manifestUrl");
    const source = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
    const prod: string = rewriteManifest(source, "https://addins.contoso.com/sales-kpis/");
    expect(source).toContain("https://localhost:3000");
    expect(prod).not.toContain("https://localhost:3000");
    expect(prod).toContain("https://addins.contoso.com/sales-kpis/taskpane.html");
  });
});
