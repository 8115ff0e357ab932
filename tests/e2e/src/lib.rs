//! Drives the real DPO Desk binary (UI embedded) through tauri-driver and WebKitWebDriver.
//! Each `App` is one app process with its own data folder and environment.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use tokio::process::{Child, Command};

pub const OWNER: &str = "Anna Meier";
pub const PASSWORD: &str = "Datenschutz-2026!";
const WAIT: Duration = Duration::from_secs(20);

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repo root")
}

/// The app binary under test: `DPO_DESK_APP`, else the debug build (UI embedded) in
/// `CARGO_TARGET_DIR` or the workspace's `target/`.
pub fn app_binary() -> PathBuf {
    if let Some(app) = std::env::var_os("DPO_DESK_APP") {
        return PathBuf::from(app);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"));
    let binary = target.join("debug/dpo-desk");
    assert!(
        binary.is_file(),
        "{} is missing: build it with `cargo build -p dpo-desk --features custom-protocol`",
        binary.display()
    );
    binary
}

/// Runs `dpo-desk-cli --json` as the owner on the data folder (the recovery key opens it
/// where the test's keyring is not shared); returns the JSON answer.
/// The id in a record the command line printed, as the next command takes it.
pub fn id(value: &serde_json::Value) -> String {
    value["id"].as_i64().expect("id").to_string()
}

/// The command line: `DPO_DESK_CLI`, else the debug build.
pub fn cli_binary() -> PathBuf {
    // Benchmarks fill big databases with the release CLI.
    if let Some(cli) = std::env::var_os("DPO_DESK_CLI") {
        return PathBuf::from(cli);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"));
    target.join("debug/dpo-desk-cli")
}

pub fn cli(data: &Path, recovery_key: &str, args: &[&str]) -> serde_json::Value {
    let out = std::process::Command::new(cli_binary())
        .arg("--data-dir")
        .arg(data)
        .args([
            "--json",
            "--user",
            OWNER,
            "--password-env",
            "OWNER_PW",
            "--recovery-key-env",
            "RK",
        ])
        .args(args)
        .env("OWNER_PW", PASSWORD)
        .env("RK", recovery_key)
        .output()
        .expect("dpo-desk-cli (cargo build -p dpo-desk-cli)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Fills the installation with `demo` data; returns the first demo tenant's id and name.
pub fn demo_tenant(
    data: &Path,
    recovery_key: &str,
    tenants: &str,
    activities: &str,
) -> (i64, String) {
    let demo = cli(
        data,
        recovery_key,
        &["demo", "--tenants", tenants, "--activities", activities],
    );
    let tenant = demo["tenant_ids"][0].as_i64().expect("a demo tenant");
    let name = cli(data, recovery_key, &["tenant", "list"])
        .as_array()
        .expect("tenants")
        .iter()
        .find(|t| t["id"] == tenant)
        .and_then(|t| t["name"].as_str())
        .expect("the demo tenant is listed")
        .to_string();
    (tenant, name)
}

/// One figure of `App::measure`.
pub fn px(measured: &serde_json::Value, key: &str) -> f64 {
    measured[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} in {measured}"))
}

pub fn artifacts_dir() -> PathBuf {
    let dir = repo_root().join("artifacts/screenshots");
    std::fs::create_dir_all(&dir).expect("artifacts dir");
    dir
}

/// A free port below Linux's ephemeral range (32768 and up), where the outgoing
/// connections of the tests and the drivers take their ports: a port handed out by the
/// system for port 0 could be taken by one of those before the driver listens on it (seen
/// once in CI: "Unable to listen for HTTP server").
fn free_port() -> u16 {
    use std::sync::atomic::{AtomicU16, Ordering};
    static NEXT: AtomicU16 = AtomicU16::new(0);
    let seed = (std::process::id() as u16).wrapping_mul(7919);
    loop {
        let offset = NEXT.fetch_add(1, Ordering::Relaxed).wrapping_add(seed) % 12_000;
        let port = 20_000 + offset;
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

/// How the app process sees the OS keyring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keyring {
    /// The session's Secret Service (an unlocked gnome-keyring from the test command).
    Session,
    /// No session bus at all, as on a headless machine: every keyring call fails.
    Unavailable,
}

pub struct App {
    pub client: Client,
    driver: Child,
}

impl App {
    pub async fn launch(data_dir: &Path, keyring: Keyring) -> App {
        App::launch_with_profile(data_dir, keyring, &data_dir.join("webview-profile")).await
    }

    /// A further window on the same data folder (a colleague at the same installation),
    /// with a webview profile of its own.
    pub async fn launch_with_profile(data_dir: &Path, keyring: Keyring, profile: &Path) -> App {
        App::start(data_dir, keyring, profile, None).await
    }

    /// The app started as if the clock showed `now` (RFC 3339), running on from there.
    pub async fn launch_at(data_dir: &Path, keyring: Keyring, now: &str) -> App {
        App::start(
            data_dir,
            keyring,
            &data_dir.join("webview-profile"),
            Some(now),
        )
        .await
    }

    async fn start(data_dir: &Path, keyring: Keyring, profile: &Path, now: Option<&str>) -> App {
        // A driver that could not listen ends at once: try again on other ports.
        for _ in 0..2 {
            if let Some(app) = App::try_start(data_dir, keyring, profile, now).await {
                return app;
            }
        }
        App::try_start(data_dir, keyring, profile, now)
            .await
            .expect("tauri-driver stopped before a WebDriver session began")
    }

    async fn try_start(
        data_dir: &Path,
        keyring: Keyring,
        profile: &Path,
        now: Option<&str>,
    ) -> Option<App> {
        let port = free_port();
        let native_port = free_port();
        let mut cmd =
            Command::new(std::env::var("TAURI_DRIVER").unwrap_or_else(|_| "tauri-driver".into()));
        cmd.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
            "--native-driver",
            "/usr/bin/WebKitWebDriver",
        ])
        .env("DPO_DESK_DATA_DIR", data_dir)
        // The webview's own storage (the machine's last language choice) per data folder,
        // so tests do not leak into each other; a restart within a test keeps it.
        .env("XDG_DATA_HOME", profile)
        .env("NO_AT_BRIDGE", "1")
        .env("LANG", "en_US.UTF-8")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .kill_on_drop(true);
        if keyring == Keyring::Unavailable {
            cmd.env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
        }
        match now {
            Some(now) => cmd.env("DPO_DESK_NOW", now),
            None => cmd.env_remove("DPO_DESK_NOW"),
        };
        let mut driver = cmd.spawn().expect("start tauri-driver (is it installed?)");

        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "wry".into());
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": app_binary() }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        let client = loop {
            match ClientBuilder::native()
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => break client,
                Err(_) if driver.try_wait().ok().flatten().is_some() => return None,
                Err(e) if started.elapsed() < WAIT => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(e) => panic!("no WebDriver session at {url}: {e}"),
            }
        };
        Some(App { client, driver })
    }

    /// Ends the app and the drivers. SIGTERM lets tauri-driver stop WebKitWebDriver too.
    pub async fn quit(mut self) {
        let _ = self.client.clone().close().await;
        if let Some(pid) = self.driver.id() {
            unsafe { libc::kill(pid as i32, libc::SIGTERM) };
        }
        let _ = tokio::time::timeout(Duration::from_secs(10), self.driver.wait()).await;
    }

    pub async fn find(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
    }

    /// Where an element lies in the window (left, right, width, its title), and how wide the
    /// page is against the window (page, window): for layout checks with `px`.
    pub async fn measure(&self, css: &str) -> serde_json::Value {
        self.find(css).await;
        self.client
            .execute(
                "const el = document.querySelector(arguments[0]);
                 const r = el.getBoundingClientRect();
                 return { left: r.left, right: r.right, width: r.width, title: el.title || '',
                          page: document.documentElement.scrollWidth, window: window.innerWidth };",
                vec![serde_json::json!(css)],
            )
            .await
            .unwrap_or_else(|e| panic!("measure {css}: {e}"))
    }

    /// Runs a script in the page and answers what it returns.
    pub async fn evaluate(&self, script: &str) -> serde_json::Value {
        self.client
            .execute(script, Vec::new())
            .await
            .unwrap_or_else(|e| panic!("evaluate: {e}"))
    }

    pub async fn exists(&self, css: &str) -> bool {
        self.client.find(Locator::Css(css)).await.is_ok()
    }

    /// Waits until the element's text contains `needle`; returns the text.
    pub async fn wait_text(&self, css: &str, needle: &str) -> String {
        let started = Instant::now();
        loop {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                if let Ok(text) = el.text().await {
                    if text.contains(needle) {
                        return text;
                    }
                    if started.elapsed() > WAIT {
                        self.failure_evidence(css).await;
                        panic!("{css} shows {text:?}, expected it to contain {needle:?}");
                    }
                }
            } else if started.elapsed() > WAIT {
                self.failure_evidence(css).await;
                panic!("no element {css} (waiting for {needle:?})");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until an input holds exactly `expected`.
    pub async fn wait_value(&self, css: &str, expected: &str) {
        let started = Instant::now();
        loop {
            let value = match self.client.find(Locator::Css(css)).await {
                Ok(el) => el.prop("value").await.ok().flatten(),
                Err(_) => None,
            };
            if value.as_deref() == Some(expected) {
                return;
            }
            if started.elapsed() > WAIT {
                self.failure_evidence(css).await;
                panic!("{css} holds {value:?}, expected {expected:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// What the window showed when a wait failed: a screenshot and the page source.
    async fn failure_evidence(&self, css: &str) {
        let name: String = css
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        if let Ok(png) = self.png().await {
            let _ = std::fs::write(artifacts_dir().join(format!("FAILED-{name}.png")), png);
        }
        if let Ok(html) = self.client.source().await {
            let _ = std::fs::write(artifacts_dir().join(format!("FAILED-{name}.html")), html);
        }
    }

    /// Waits until one of the elements matching `css` shows `needle`; returns all their texts.
    /// Reads `innerText` (rendered text, honouring CSS visibility): WebKitWebDriver's own
    /// visible-text atom returns nothing for the translated rows of a virtual list.
    pub async fn wait_any_text(&self, css: &str, needle: &str) -> Vec<String> {
        let started = Instant::now();
        loop {
            let mut texts = Vec::new();
            for el in self
                .client
                .find_all(Locator::Css(css))
                .await
                .unwrap_or_default()
            {
                texts.push(
                    el.prop("innerText")
                        .await
                        .ok()
                        .flatten()
                        .unwrap_or_default(),
                );
            }
            if texts.iter().any(|t| t.contains(needle)) {
                return texts;
            }
            if started.elapsed() > WAIT {
                self.failure_evidence(css).await;
                panic!("none of {css} shows {needle:?}: {texts:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn heading(&self, text: &str) {
        self.wait_text("h1", text).await;
    }

    pub async fn type_into(&self, css: &str, text: &str) {
        let el = self.find(css).await;
        if text.is_empty() {
            // `clear` alone does not reach React's change handler; select all and delete as
            // a person would (Control+A, release, Backspace).
            el.send_keys("\u{E009}a\u{E000}\u{E003}")
                .await
                .expect("delete");
        } else {
            el.clear().await.expect("clear");
            el.send_keys(text).await.expect("type");
        }
    }

    /// Chooses the option labelled `label` of the select `css`. WebKitWebDriver does not
    /// scroll an option into view by itself, so the select is centred first.
    pub async fn choose(&self, css: &str, label: &str) {
        let select = self.find(css).await;
        // Options may arrive after the select (choices loaded from the core): wait for it.
        let started = Instant::now();
        loop {
            let present = self
                .client
                .execute(
                    "const s = document.querySelector(arguments[0]);
                     return !!s && Array.from(s.options).some(o => o.text.trim() === arguments[1]);",
                    vec![serde_json::json!(css), serde_json::json!(label)],
                )
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            if present || started.elapsed() > WAIT {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let arg = serde_json::to_value(&select).expect("element reference");
        self.client
            .execute("arguments[0].scrollIntoView({block: 'center'});", vec![arg])
            .await
            .expect("scroll");
        if label.contains(['"', '\'', '<', '>']) {
            // The driver's XPath selection refuses labels with quotes or angle brackets: the option is
            // found in the page and clicked as a person would.
            let option = self
                .client
                .execute(
                    "const s = document.querySelector(arguments[0]);
                     return Array.from(s.options).find(o => o.text.trim() === arguments[1]);",
                    vec![serde_json::json!(css), serde_json::json!(label)],
                )
                .await
                .unwrap_or_else(|e| panic!("choose {label:?} in {css}: {e}"));
            // A WebDriver element reference: {"element-6066-…": "id"}.
            let reference = option
                .as_object()
                .and_then(|o| o.values().next())
                .and_then(|v| v.as_str())
                .unwrap_or_else(|| panic!("no option {label:?} in {css}: {option}"))
                .to_string();
            let option = Element::from_element_id(self.client.clone(), reference.into());
            option
                .click()
                .await
                .unwrap_or_else(|e| panic!("choose {label:?} in {css}: {e}"));
            return;
        }
        select
            .select_by_label(label)
            .await
            .unwrap_or_else(|e| panic!("choose {label:?} in {css}: {e}"));
    }

    /// Scrolls the element to the middle of the window, as a person would before looking at it.
    pub async fn scroll_to(&self, css: &str) {
        let el = self.find(css).await;
        let arg = serde_json::to_value(&el).expect("element reference");
        self.client
            .execute("arguments[0].scrollIntoView({block: 'center'});", vec![arg])
            .await
            .expect("scroll");
    }

    pub async fn click(&self, css: &str) {
        let el = self.find(css).await;
        // Centred first, so no sticky bar covers what a person would click.
        let arg = serde_json::to_value(&el).expect("element reference");
        let _ = self
            .client
            .execute("arguments[0].scrollIntoView({block: 'center'});", vec![arg])
            .await;
        el.click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e:?}"));
    }

    /// Clicks the button whose visible text is `label`.
    pub async fn click_button(&self, label: &str) {
        let xpath = format!("//button[normalize-space(.)='{label}']");
        let el = self
            .client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|e| panic!("no button {label:?}: {e}"));
        el.click()
            .await
            .unwrap_or_else(|e| panic!("click {label:?}: {e}"));
    }

    /// Calls a command through the IPC directly, past the window's own checks, as a
    /// tampered page would; returns "allowed" or the error's `code:object:right`.
    pub async fn forced_invoke(&self, command: &str, args: serde_json::Value) -> String {
        let answer = self
            .client
            .execute_async(
                "const [command, args, done] = arguments;
                 window.__TAURI_INTERNALS__.invoke(command, args)
                   .then(() => done('allowed'), (e) => done(typeof e === 'object' && e && e.params
                     ? [e.code, e.params.object, e.params.right, e.params.field, e.params.rule].filter(Boolean).join(':')
                     : 'unexpected: ' + String(e)));",
                vec![command.into(), args],
            )
            .await
            .expect("execute_async");
        answer.as_str().unwrap_or_default().to_string()
    }

    pub async fn screenshot(&self, name: &str) {
        // Let the last DOM change reach the screen before shooting.
        tokio::time::sleep(Duration::from_millis(300)).await;
        let png = self.png().await.expect("screenshot");
        std::fs::write(artifacts_dir().join(format!("{name}.png")), png).expect("write screenshot");
    }

    /// The window's picture. WebKitWebDriver's screenshot waits for the page's next drawn
    /// update; the app draws without GPU compositing (src-tauri/src/rendering.rs), and then
    /// a still page (no caret blinking, nothing moving) draws nothing more and the
    /// screenshot waits for ever. A one-pixel mark, all but transparent, in a corner changes
    /// on every frame while the screenshot is taken and goes again afterwards.
    async fn png(&self) -> Result<Vec<u8>, fantoccini::error::CmdError> {
        self.client
            .execute(
                "const mark = document.createElement('div');
                 mark.id = 'e2e-screenshot-mark';
                 mark.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;background:rgba(0,0,0,0.01);pointer-events:none;z-index:2147483647';
                 document.body.appendChild(mark);
                 let on = true;
                 const flip = () => {
                   if (!mark.isConnected) return;
                   on = !on;
                   mark.style.opacity = on ? '1' : '0.5';
                   requestAnimationFrame(flip);
                 };
                 requestAnimationFrame(flip);",
                vec![],
            )
            .await?;
        let png = self.client.screenshot().await;
        let _ = self
            .client
            .execute(
                "document.getElementById('e2e-screenshot-mark')?.remove()",
                vec![],
            )
            .await;
        png
    }

    pub async fn sign_in(&self, user: &str, password: &str) {
        self.heading("Sign in").await;
        // The form may re-render while it is typed into (a notice of the ended session
        // arriving): type until both fields hold what was typed, as a person would check.
        for _ in 0..5 {
            self.type_into("input[name=user_name]", user).await;
            self.type_into("input[name=password]", password).await;
            let name = self
                .find("input[name=user_name]")
                .await
                .prop("value")
                .await
                .ok()
                .flatten();
            let pass = self
                .find("input[name=password]")
                .await
                .prop("value")
                .await
                .ok()
                .flatten();
            if name.as_deref() == Some(user) && pass.as_deref() == Some(password) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        self.click_button("Sign in").await;
    }

    /// The full wizard; returns the recovery key it showed.
    pub async fn complete_setup(&self, office: &str) -> String {
        self.heading("Set up DPO Desk").await;
        self.type_into("input[name=office_name]", office).await;
        self.click_button("Continue").await;
        self.type_into("input[name=owner_name]", OWNER).await;
        self.type_into("input[name=password]", PASSWORD).await;
        self.type_into("input[name=password_repeat]", PASSWORD)
            .await;
        self.click_button("Create encrypted database").await;
        let key = self.wait_text("[data-testid=recovery-key]", "-").await;
        key.trim().to_string()
    }

    /// The wizard, the "I have stored it" confirmation, and into the signed-in shell.
    pub async fn set_up_and_enter(&self, office: &str) -> String {
        let key = self.complete_setup(office).await;
        self.click("input[name=key_stored]").await;
        self.click_button("Open DPO Desk").await;
        self.wait_text("[data-testid=welcome]", OWNER).await;
        key
    }
}

/// Drives the native GTK save dialog titled `title` (under Xvfb, no window manager): focus
/// it, replace the file name with the full `path`, confirm.
pub async fn answer_file_dialog(title: &str, path: &Path) {
    drive_file_dialog(title, path, "ctrl+a").await;
}

/// Drives the native GTK open dialog titled `title`: the location field (Ctrl+L) takes the
/// full `path`, then confirm.
pub async fn answer_open_dialog(title: &str, path: &Path) {
    drive_file_dialog(title, path, "ctrl+l").await;
}

async fn drive_file_dialog(title: &str, path: &Path, focus_key: &str) {
    let started = Instant::now();
    let window = loop {
        let out = std::process::Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", title])
            .output()
            .expect("xdotool");
        let ids = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if let Some(id) = ids.lines().last().filter(|l| !l.is_empty()) {
            break id.to_string();
        }
        if started.elapsed() > WAIT {
            let all = std::process::Command::new("sh")
                .args(["-c", "for w in $(xdotool search --name '.*'); do echo \"$w $(xdotool getwindowname $w)\"; done"])
                .output()
                .map(|o| String::from_utf8_lossy(&o.stdout).to_string())
                .unwrap_or_default();
            panic!("no dialog titled {title:?} appeared; windows:\n{all}");
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    // The dialog needs a moment to take keyboard input after it maps.
    tokio::time::sleep(Duration::from_millis(700)).await;
    let xdotool = |args: &[&str]| {
        let status = std::process::Command::new("xdotool")
            .args(args)
            .status()
            .expect("xdotool");
        assert!(status.success(), "xdotool {args:?}");
    };
    xdotool(&["windowfocus", "--sync", &window]);
    xdotool(&["key", "--window", &window, focus_key]);
    xdotool(&[
        "type",
        "--delay",
        "15",
        "--window",
        &window,
        &path.display().to_string(),
    ]);
    // Let the location field's completion settle before confirming.
    tokio::time::sleep(Duration::from_millis(500)).await;
    xdotool(&["key", "--window", &window, "Return"]);
}

/// Asks the app's window to close as a window manager's close button would (Xvfb has no
/// window manager): a WM_DELETE_WINDOW message to every X window titled "DPO Desk".
pub fn request_window_close() {
    let out = std::process::Command::new("xdotool")
        .args(["search", "--name", "^DPO Desk$"])
        .output()
        .expect("xdotool");
    let ids = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(!ids.trim().is_empty(), "no window titled DPO Desk");
    for id in ids.split_whitespace() {
        let status =
            std::process::Command::new(repo_root().join("tests/e2e/tools/request_close.py"))
                .arg(id)
                .status()
                .expect("request_close.py");
        assert!(status.success());
    }
}

/// Everything the notification service is asked to show, as dbus-monitor prints it.
pub struct BusMonitor {
    child: std::process::Child,
    log: std::path::PathBuf,
}

impl BusMonitor {
    pub fn start(dir: &std::path::Path) -> BusMonitor {
        let log = dir.join("notifications.log");
        let file = std::fs::File::create(&log).unwrap();
        let child = std::process::Command::new("dbus-monitor")
            .arg("interface=org.freedesktop.Notifications,member=Notify")
            .stdout(std::process::Stdio::from(file))
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("dbus-monitor (package dbus)");
        // dbus-monitor needs a moment to register its match rule.
        std::thread::sleep(Duration::from_millis(500));
        BusMonitor { child, log }
    }

    pub fn text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Waits until a notification with `summary` was sent and the daemon showed it.
    pub async fn wait_for(&self, summary: &str) {
        let started = Instant::now();
        while !self.text().contains(summary) || !self.shown(summary) {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "no notification {summary:?} shown; the bus saw:\n{}",
                self.text()
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// The notification daemon (dunst) has shown `summary`: it is in its history.
    pub fn shown(&self, summary: &str) -> bool {
        let out = std::process::Command::new("dunstctl")
            .arg("history")
            .output()
            .expect("dunstctl (package dunst)");
        String::from_utf8_lossy(&out.stdout).contains(summary)
    }

    pub fn count(&self, summary: &str) -> usize {
        self.text()
            .matches(&format!("string \"{summary}\""))
            .count()
    }
}

impl Drop for BusMonitor {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
