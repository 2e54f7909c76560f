// A minimal page over the API until the offline PWA lands: sign up, upload, watch invoices arrive.
const $ = (sel) => document.querySelector(sel);
let token = localStorage.getItem("chalan.token");

const say = (text) => {
  $("#message").textContent = text;
};

async function api(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body && !(body instanceof FormData) ? { "content-type": "application/json" } : {}),
    },
    body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
  });
  const data = res.headers.get("content-type")?.includes("json") ? await res.json() : null;
  if (!res.ok) throw new Error(data?.detail ?? `HTTP ${res.status}`);
  return data;
}

const taka = (poisha) =>
  poisha == null
    ? "—"
    : `৳${(poisha / 100).toLocaleString("en-IN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function cell(text, cls) {
  const td = document.createElement("td");
  td.textContent = text;
  if (cls) td.className = cls;
  return td;
}

async function refresh() {
  if (!token) return;
  const { invoices } = await api("GET", "/api/invoices");
  const body = $("#invoices tbody");
  body.replaceChildren(
    ...invoices.map((inv) => {
      const tr = document.createElement("tr");
      const status = document.createElement("td");
      const badge = document.createElement("span");
      badge.className = `status ${inv.status}`;
      badge.textContent = inv.status.replace("_", " ");
      status.replaceChildren(badge);
      if (inv.failureReason) status.title = inv.failureReason;
      tr.append(
        cell(new Date(inv.receivedAt).toLocaleString("en-GB", { timeZone: "Asia/Dhaka" })),
        cell(inv.fields.supplierName?.value ?? "—"),
        cell(inv.fields.issueDate?.value ?? "—"),
        cell(taka(inv.fields.total?.value), "money"),
        status,
      );
      return tr;
    }),
  );
}

function show() {
  $("#auth").hidden = Boolean(token);
  $("#work").hidden = !token;
  $("#signout").hidden = !token;
  if (token) refresh().catch((e) => say(e.message));
}

async function signIn(path, form) {
  try {
    const data = await api("POST", path, Object.fromEntries(new FormData(form)));
    token = data.token;
    localStorage.setItem("chalan.token", token);
    say("");
    show();
  } catch (e) {
    say(e.message);
  }
}

$("#signup").addEventListener("submit", (e) => {
  e.preventDefault();
  signIn("/api/signup", e.target);
});
$("#login").addEventListener("submit", (e) => {
  e.preventDefault();
  signIn("/api/login", e.target);
});
$("#signout").addEventListener("click", () => {
  token = null;
  localStorage.removeItem("chalan.token");
  show();
});
$("#upload").addEventListener("submit", async (e) => {
  e.preventDefault();
  try {
    const { id } = await api("POST", "/upload-invoice", new FormData(e.target));
    say(`Saved on the server (invoice ${id.slice(0, 8)}…). Reading it now.`);
    e.target.querySelector("input[type=file]").value = "";
    await refresh();
  } catch (err) {
    say(err.message);
  }
});

show();
setInterval(() => refresh().catch(() => {}), 3000);
