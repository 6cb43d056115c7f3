//! Project tasks, the single entry point for people and CI:
//!
//! - `cargo xtask serve`: install what is missing, build the site, serve it at http://127.0.0.1:8080
//! - `cargo xtask test`: install what is missing, run every test (Rust, the HTML checker, the browser
//!   suite in Chromium, the smoke journeys in Firefox and WebKit)
//! - `cargo xtask build [--base /letter/] [--out DIR] [--origin URL] [--contact mailto:…|https://…]`: build
//!   the static site; `cargo xtask build --stress`: the stress pack's site into `dist-stress/`, as the
//!   benchmark builds it
//! - `cargo xtask e2e [PLAYWRIGHT ARGS]`: only the browser suite, against the last builds
//! - `cargo xtask bench`: measure each route's first-visit transfer into `bench/results.json` and `BENCH.md`;
//!   `--only timeline [--no-build] [--compare REAL STRESS]`: only the timeline's figures; `--only scale
//!   [--no-build] [--no-browser]`: only the content-scale figures (`--no-build`: on the last builds); `--only search
//!   [--no-build]`: only the search figures, updated in place (`--no-build`: of the last `dist/` and
//!   `dist-stress/`, so that only the measuring needs the browser lock); `--only transfer [--no-build]`:
//!   only the first-view table (bytes, no browser); `--only lcp [--no-build]`: only the letter against
//!   static HTML
//! - `cargo xtask offline-bytes [DIR]`: what the service worker downloads after a first visit
//! - `cargo xtask fuzz [--minutes 10]`: property-test the content compiler (not part of `test`)
//! - `cargo xtask content [DIR]`: check the content and list every error
//! - `cargo xtask engines [firefox] [webkit]`: only the smoke journeys in Firefox and WebKit, on `dist/`
//! - `cargo xtask html [DIR]`: check every HTML page of the last build (`dist/`) with the W3C's checker
//! - `cargo xtask setup [--tests]`: only install the tools
//! - `cargo xtask icons`: redraw the app icons into `public/icons/` (committed PNG files)

mod bench;
mod html_check;
mod icons;
mod measured;
mod next;
mod offline_bytes;
mod server;
mod setup;
mod wasm_modules;
mod workflows;

use std::path::{Path, PathBuf};
use std::process::{self, Command};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::run(args.iter().any(|a| a == "--tests")),
        Some("build") if args.iter().any(|a| a == "--stress") => {
            setup::run(false).and_then(|_| build_stress().map(drop))
        }
        Some("build") => setup::run(false).and_then(|_| {
            build_from(
                &flag("--base").unwrap_or_else(|| "/".into()),
                &root().join(flag("--out").unwrap_or_else(|| "dist".into())),
                None,
                flag("--origin").as_deref(),
                flag("--contact").as_deref(),
            )
            .map(drop)
        }),
        Some("serve") => setup::run(false).and_then(|_| {
            let base = flag("--base").unwrap_or_else(|| "/".into());
            let port: u16 = flag("--port").and_then(|p| p.parse().ok()).unwrap_or(8080);
            let dist = root().join("dist");
            let origin = flag("--origin").unwrap_or_else(|| format!("http://127.0.0.1:{port}"));
            build_from(&base, &dist, None, Some(&origin), flag("--contact").as_deref())?;
            let base = content::normalize_base(&base);
            println!("Serving the site at http://127.0.0.1:{port}{base} (Ctrl-C to stop)");
            server::serve(&dist, &base, port).map_err(|e| format!("server: {e}"))
        }),
        Some("test") => setup::run(true).and_then(|_| test()),
        Some("e2e") => setup::run(true).and_then(|_| e2e(&args[1..])),
        Some("engines") => setup::run(true).and_then(|_| engines(&args[1..])),
        Some("html") => setup::run(true).and_then(|_| {
            html_check::run(&args.get(1).map_or_else(|| root().join("dist"), PathBuf::from))
        }),
        Some("bench") if flag("--only").as_deref() == Some("timeline") => {
            setup::run(true).and_then(|_| bench_timeline(&args, flag("--compare")))
        }
        // Only the content-scale figures, spliced into BENCH.md: on fresh builds (the stress build timed and
        // its peak memory read), or with `--no-build` on the last ones (`cargo xtask build --origin
        // http://127.0.0.1:4175` into dist/, `cargo xtask build --stress`).
        Some("bench") if flag("--only").as_deref() == Some("scale") => setup::run(true)
            .and_then(|_| {
                if args.iter().any(|a| a == "--no-browser") {
                    std::env::set_var("BENCH_NO_BROWSER", "1");
                }
                let dist = root().join("dist");
                let (stress, cost) = if args.iter().any(|a| a == "--no-build") {
                    (root().join("dist-stress"), None)
                } else {
                    let (stress, cost) = build_bench_sites(&dist)?;
                    (stress, Some(cost))
                };
                let json = bench::scale(&root(), &dist, &stress, cost)?;
                println!("{json}");
                bench::splice_scale(&root(), &json)?;
                bench::splice_result(&root(), "scale", &json)
            }),
        Some("bench") => setup::run(true).and_then(|_| {
            let only = flag("--only");
            if only.is_none() {
                setup::lighthouse()?;
            }
            let dist = root().join("dist");
            let mut stress_build = None;
            let stress = if only.is_some() && args.iter().any(|a| a == "--no-build") {
                root().join("dist-stress")
            } else {
                if only.as_deref() == Some("lcp") {
                    // The letter alone: no stress pack to build.
                    build_bench_site(&dist)?;
                    return bench::run_lcp(&root(), &dist);
                }
                let (stress, cost) = build_bench_sites(&dist)?;
                stress_build = Some(cost);
                stress
            };
            match only.as_deref() {
                None => bench::run(&root(), &dist, &stress, stress_build),
                Some("search") => bench::run_search(&root(), &dist, &stress),
                Some("transfer") => bench::run_transfer(&root(), &dist, &stress),
                Some("lcp") => bench::run_lcp(&root(), &dist),
                Some(other) => Err(format!(
                    "bench --only {other}: only `timeline`, `scale`, `search`, `transfer` and `lcp` can run alone"
                )),
            }
        }),
        Some("offline-bytes") => offline_bytes::measure(
            &args.get(1).map_or_else(|| root().join("dist"), PathBuf::from),
        )
        .map(|json| println!("{json}")),
        Some("fuzz") => {
            let minutes: u64 = flag("--minutes").and_then(|m| m.parse().ok()).unwrap_or(10);
            fuzz(minutes)
        }
        Some("icons") => icons::run(&root()),
        Some("content") => check_content(
            args.get(1)
                .map(PathBuf::from)
                .unwrap_or_else(|| root().join("content")),
        ),
        _ => Err(
            "usage: cargo xtask <serve|test|e2e|engines|html|build|bench|offline-bytes|content|icons|setup> (see xtask/src/main.rs)"
                .into(),
        ),
    };
    if let Err(e) = result {
        eprintln!("xtask: {e}");
        process::exit(1);
    }
}

/// The project's root folder.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Runs a command (in the project root unless it names a folder), failing with its name if it fails.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    measured::run(cmd).map(drop)
}

/// Builds the static site for `base` into `out` (the search and timeline modules first, see [`wasm_modules`]; then trunk
/// builds the app's wasm and the CSS and its post-build hook prerenders every route), optionally from
/// another content folder (`SITE_CONTENT`, for the stress pack), for a known origin (`SITE_ORIGIN`:
/// absolute URLs, oEmbed documents, annotations, the corrections feed) and with a contact for error
/// reports (`SITE_CONTACT`: `mailto:` or `https:`, checked here first). Returns what the build cost (wall
/// time and peak memory, [`measured::run`]).
fn build_from(
    base: &str,
    out: &Path,
    content_dir: Option<&Path>,
    origin: Option<&str>,
    contact: Option<&str>,
) -> Result<measured::Cost, String> {
    if let Some(problem) = contact.and_then(content::checks::contact_problem) {
        return Err(format!("--contact: {problem}"));
    }
    let base = content::normalize_base(base);
    println!(
        "Building the site for base path {base} into {}",
        out.display()
    );
    let mut cmd = Command::new("trunk");
    cmd.args([
        "build",
        "--release",
        "--offline",
        "--public-url",
        &base,
        "--dist",
    ])
    .arg(out)
    .env("SITE_BASE", &base)
    .envs(wasm_modules::build_all(&base, origin.unwrap_or(""))?)
    .env("PATH", setup::tool_path());
    if let Some(dir) = content_dir {
        cmd.env("SITE_CONTENT", dir);
    }
    cmd.env("SITE_ORIGIN", origin.unwrap_or(""));
    cmd.env("SITE_CONTACT", contact.unwrap_or(""));
    measured::run(&mut cmd)
}

/// `cargo xtask bench --only timeline [--no-build | --dirs REAL STRESS] [--compare REAL STRESS]`: builds the
/// site and the stress pack (unless `--no-build`: the last `dist/` and `dist-stress/`, or `--dirs`: those), measures their timelines
/// ([`bench::run_timeline`]) and, with `--compare`, two earlier builds' (the real content's and the stress
/// pack's folders) in the same run.
fn bench_timeline(args: &[String], compare: Option<String>) -> Result<(), String> {
    let dir = |name: &str| root().join(name);
    let (dist, stress) = match args.iter().position(|a| a == "--dirs") {
        Some(i) => match (args.get(i + 1), args.get(i + 2)) {
            (Some(real), Some(stress)) => (dir(real), dir(stress)),
            _ => return Err("--dirs needs two folders: REAL STRESS".into()),
        },
        None => (dir("dist"), dir("dist-stress")),
    };
    if !args.iter().any(|a| a == "--no-build" || a == "--dirs") {
        build_bench_sites(&dist)?;
    }
    let mut builds = vec![("this build", dist.as_path(), stress.as_path())];
    let before = compare.map(|real| {
        let at = args.iter().position(|a| *a == real).map_or(0, |i| i + 1);
        (root().join(real), args.get(at).map(|s| root().join(s)))
    });
    let before = match before {
        Some((real, Some(stress))) => Some((real, stress)),
        Some((_, None)) => return Err("--compare needs two folders: REAL STRESS".into()),
        None => None,
    };
    if let Some((real, stress)) = &before {
        builds.push(("compared", real.as_path(), stress.as_path()));
    }
    bench::run_timeline(&root(), &builds)
}

/// Builds the real content for the bench into `dist` (at `/`, with the bench server's origin).
fn build_bench_site(dist: &Path) -> Result<(), String> {
    build_from(
        "/",
        dist,
        None,
        Some(&format!("http://127.0.0.1:{BENCH_PORT}")),
        None,
    )
    .map(drop)
}

/// Builds what the benchmark measures: the real content into `dist` at `/` for the bench's origin, then
/// the stress pack ([`build_stress`]); returns the stress site's folder and what its build cost.
fn build_bench_sites(dist: &Path) -> Result<(PathBuf, measured::Cost), String> {
    build_bench_site(dist)?;
    build_stress()
}

/// Builds the generated stress pack (2,000 notes, 5,000 events) into `dist-stress/`; returns the folder and
/// what the build cost: its wall time from writing the pack to the last page, and the peak memory of
/// this process (which writes the pack) or of the build (trunk, cargo, the prerenderer), the larger.
fn build_stress() -> Result<(PathBuf, measured::Cost), String> {
    let started = std::time::Instant::now();
    let pack = root().join("target/stress-content");
    let _ = std::fs::remove_dir_all(&pack);
    content::stress::pack(2_000, 5_000)
        .write(&pack)
        .map_err(|e| format!("writing the stress pack: {e}"))?;
    let out = root().join("dist-stress");
    let build = build_from("/", &out, Some(&pack), None, None)?;
    let cost = measured::Cost {
        seconds: started.elapsed().as_secs_f64(),
        peak_rss_mib: build.peak_rss_mib.max(measured::own_peak_rss_mib()?),
    };
    println!(
        "Stress build: {:.0} s, peak memory {:.0} MiB",
        cost.seconds, cost.peak_rss_mib
    );
    Ok((out, cost))
}

fn check_content(dir: PathBuf) -> Result<(), String> {
    let tree = content::ContentTree::read(&dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    match content::compile_editions(&tree) {
        Ok(editions) => {
            let site = editions.original();
            println!(
                "content OK: {} notes, {} events, {} sources",
                site.notes.len(),
                site.events.len(),
                site.sources.len()
            );
            for missing in &editions.missing.0 {
                println!("{}", missing.as_warning());
            }
            println!(
                "Spanish edition: {} missing translation(s), shown in English with a notice",
                editions.missing.0.len()
            );
            Ok(())
        }
        Err(errors) => Err(errors.to_string()),
    }
}

/// Property-tests the content compiler for `minutes` with mutated content (see `content::fuzz`); every
/// input must yield a model or located errors, never a panic. Prints the seed to reproduce a failure.
fn fuzz(minutes: u64) -> Result<(), String> {
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(1);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(minutes * 60);
    println!("Fuzzing the content compiler for {minutes} min from seed {seed}");
    let cases = content::fuzz::run(seed, u64::MAX, deadline)?;
    println!("{cases} cases, no panic, every error located");
    Ok(())
}

/// Every test: Rust (content compiler, model, components), the W3C checker over every built page, the
/// browser suite against the built site served at `/` and under a sub-path, then the smoke journeys in
/// Firefox and WebKit. A stray `test.only` fails the browser suite.
fn test() -> Result<(), String> {
    workflows::check()?;
    refuse_update_expect(
        std::env::var_os("CI").is_some(),
        std::env::var_os("UPDATE_EXPECT").is_some(),
    )?;
    for mut cmd in rust_tests() {
        run(&mut cmd)?;
    }
    // Both builds know their origin (their test server's), so they have oEmbed documents, annotations and
    // absolute URLs; the sub-path one is built the way the Pages workflow builds (a base path and an origin).
    // A site built without --origin is covered by the Rust tests, which build without one. Only the
    // sub-path build has a contact for error reports, so the suite sees notes with and without the link.
    build_from("/", &root().join("dist"), None, Some(TEST_ORIGIN), None)?;
    bench::check_budgets(&root().join("dist"))?;
    html_check::run(&root().join("dist"))?;
    build_from(
        "/letter/",
        &root().join("dist-sub"),
        None,
        Some(SUB_ORIGIN),
        Some(SUB_CONTACT),
    )?;
    next::build(&root().join("dist-v2"))?;
    e2e(&["--forbid-only".into()])?;
    engines(&[])
}

/// `UPDATE_EXPECT` makes the fixture tests rewrite their expected files and pass. Under CI (`CI` set) it is
/// an error; elsewhere `cargo xtask test` says that it ignores it (see [`rust_tests`]).
fn refuse_update_expect(ci: bool, update_expect: bool) -> Result<(), String> {
    match (ci, update_expect) {
        (true, true) => {
            Err("UPDATE_EXPECT is set: under CI the tests never rewrite their expectations".into())
        }
        (false, true) => {
            eprintln!("xtask: UPDATE_EXPECT is ignored by `cargo xtask test` (run `cargo test -p content --test fixtures` with it)");
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The Rust tests: the workspace, then the site's crate with its prerendering feature, then the test
/// that editions are data with the made-up third edition on (`tests/third_edition.rs`). Never with
/// `UPDATE_EXPECT`, so that a fixture test compares and fails instead of rewriting its expectation.
fn rust_tests() -> [Command; 3] {
    let mut workspace = Command::new("cargo");
    workspace.args(["test", "--workspace", "--exclude", "letter-explainer"]);
    let mut site = Command::new("cargo");
    site.args(["test", "--package", "letter-explainer", "--features", "ssr"]);
    let mut third_edition = Command::new("cargo");
    third_edition.args([
        "test",
        "--package",
        "letter-explainer",
        "--features",
        "ssr,made-up-edition",
        "--test",
        "third_edition",
    ]);
    for cmd in [&mut workspace, &mut site, &mut third_edition] {
        cmd.env_remove("UPDATE_EXPECT");
    }
    [workspace, site, third_edition]
}

/// The smoke journeys in the engines besides Chromium (Firefox, WebKit) against `dist/`; each engine's
/// result is the last lines of the output (`tests/e2e/engines/run.js`).
fn engines(names: &[String]) -> Result<(), String> {
    run(Command::new("node")
        .arg("run.js")
        .args(names)
        .current_dir(root().join("tests/e2e/engines"))
        .env("SITE_DIR", root().join("dist")))
}

/// The origin the browser suite serves `dist/` at.
const TEST_ORIGIN: &str = "http://127.0.0.1:4173";

/// The origin the browser suite serves `dist-sub/` at (under `/letter/`).
const SUB_ORIGIN: &str = "http://127.0.0.1:4174";

/// The contact the sub-path build gives for error reports (the browser suite checks the link; the
/// address is reserved for examples by RFC 2606).
const SUB_CONTACT: &str = "mailto:corrections@example.org";

/// The port the benchmark serves `dist/` at for Lighthouse (the origin it builds for).
pub const BENCH_PORT: u16 = 4175;

/// The browser suite against the built site (`dist/` served at `/`, `dist-sub/` under `/letter/`). The
/// offline tests serve `dist/` and the next version `dist-v2/` themselves (`SITE_DIR`, `NEXT_DIR`).
fn e2e(extra: &[String]) -> Result<(), String> {
    let root_dist = root().join("dist");
    let sub_dist = root().join("dist-sub");
    for dir in [&root_dist, &sub_dist] {
        if !dir.join("index.html").exists() {
            return Err(format!(
                "{} is not built: run `cargo xtask test`",
                dir.display()
            ));
        }
    }
    let main = server::spawn(&root_dist, "/", 4173).map_err(|e| format!("server: {e}"))?;
    let sub = server::spawn(&sub_dist, "/letter/", 4174).map_err(|e| format!("server: {e}"))?;
    run(Command::new("npx")
        .args(["--no-install", "playwright", "test"])
        .args(extra)
        .current_dir(root().join("tests/e2e"))
        .env("SITE_URL", format!("http://127.0.0.1:{main}/"))
        .env("BUILD_ORIGIN", TEST_ORIGIN)
        .env("SUB_URL", format!("http://127.0.0.1:{sub}/letter/"))
        .env("SUB_BUILD_ORIGIN", SUB_ORIGIN)
        .env("SUB_BUILD_CONTACT", SUB_CONTACT)
        .env("SITE_DIR", &root_dist)
        .env("NEXT_DIR", root().join("dist-v2"))
        .env("NEXT_SENTENCE", next::SENTENCE)
        .env("NEXT_UNTRANSLATED_NOTE", next::UNTRANSLATED_NOTE)
        .env("NEXT_UNTRANSLATED_EVENT", next::UNTRANSLATED_EVENT))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rust_tests_never_rewrite_their_expectations() {
        for cmd in rust_tests() {
            assert!(
                cmd.get_envs()
                    .any(|(k, v)| k == "UPDATE_EXPECT" && v.is_none()),
                "{cmd:?} passes UPDATE_EXPECT on"
            );
        }
    }

    #[test]
    fn update_expect_fails_under_ci_only() {
        assert!(refuse_update_expect(true, true)
            .unwrap_err()
            .contains("UPDATE_EXPECT"));
        assert!(refuse_update_expect(false, true).is_ok());
        assert!(refuse_update_expect(true, false).is_ok());
    }
}
