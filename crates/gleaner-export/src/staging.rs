//! Replacing a dataset folder whole or not at all.
//!
//! A run writes every file of the new dataset into a staging folder beside the target
//! (`<parent>/.<name>.gleaner-staging-<pid>-<n>`, unique to the call, and locked with `flock`
//! while the run lives), then [`Staging::commit`] swaps the two folders with
//! one atomic exchange (`renameat2(RENAME_EXCHANGE)` on Linux) and removes the old one. At every
//! instant the target is the complete old dataset or the complete new one; where the file system
//! cannot exchange, two renames leave a moment with no target at all, never a mixed one, and a
//! later run puts the old dataset back should the process die in that moment. A staging folder
//! that is dropped without a commit is removed; what a killed run leaves beside the target (a
//! folder nobody holds the lock of: the kernel drops a dead process's locks) is removed, or
//! restored, by the next run that writes there; what a living run holds is left alone.
//!
//! The target must be absent, an empty folder, or a gleaner dataset (`manifest.json` written by
//! gleaner) holding nothing but its own files; anything else is refused unless `force`, because
//! the swap replaces the whole folder. A mount point is refused too: a folder cannot be swapped
//! across file systems.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Weak};

use crate::ExportError;
use crate::TABLES;

/// The marker in the names of what a run keeps beside its target.
const MARK: &str = ".gleaner-";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Open,
    Committed,
    Abandoned,
}

#[derive(Debug)]
struct Shared {
    state: State,
    staging: PathBuf,
    /// The staging folder, open and locked (`flock`) until the commit: what tells a later run
    /// that it is alive.
    lock: Option<std::fs::File>,
}

/// Staging folders of this process not yet committed or dropped, for [`abandon_open_datasets`].
static OPEN: Mutex<Vec<Weak<Mutex<Shared>>>> = Mutex::new(Vec::new());

/// A new dataset being written beside its target folder. See the module docs.
#[derive(Debug)]
pub struct Staging {
    target: PathBuf,
    shared: Arc<Mutex<Shared>>,
}

/// What [`abandon_open_datasets`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Abandoned {
    /// No dataset was being written (none started yet, or every one already dropped).
    Nothing,
    /// Staging folders were removed; their targets are as they were.
    Removed,
    /// A dataset was already swapped into place: the new dataset stands.
    AlreadyCommitted,
}

/// Removes the staging folder of every dataset this process is writing, so that it can exit at
/// once (on SIGINT or SIGTERM) leaving each target as it was. Waits for a commit in progress.
pub fn abandon_open_datasets() -> Abandoned {
    let open = OPEN.lock().unwrap_or_else(|e| e.into_inner());
    let mut outcome = Abandoned::Nothing;
    for shared in open.iter().filter_map(Weak::upgrade) {
        let mut shared = shared.lock().unwrap_or_else(|e| e.into_inner());
        match shared.state {
            State::Open => {
                shared.state = State::Abandoned;
                remove_dir(&shared.staging);
                shared.lock = None;
                if outcome == Abandoned::Nothing {
                    outcome = Abandoned::Removed;
                }
            }
            State::Committed => outcome = Abandoned::AlreadyCommitted,
            State::Abandoned => {}
        }
    }
    outcome
}

fn refused(path: &Path, why: String) -> ExportError {
    ExportError::Refused { path: path.to_owned(), why }
}

/// A test of the names of a folder's entries: true for those the folder's kind owns.
pub type Owned = Box<dyn Fn(&str) -> bool>;

/// A kind of folder that a [`Staging`] replaces whole: a dataset, or another of gleaner's outputs
/// (the HTML report). It says which names a folder of that kind owns, so that anything else in
/// the target is refused (unless `force`) rather than deleted with it.
#[derive(Debug, Clone, Copy)]
pub struct FolderKind {
    /// What the folder is, for messages ("gleaner dataset").
    pub what: &'static str,
    /// The file that marks a folder of this kind ("manifest.json").
    pub marker: &'static str,
    /// If `dir` is a folder of this kind, a test of the names (of its entries) it owns.
    pub owns: fn(dir: &Path) -> Option<Owned>,
}

/// A dataset folder: `manifest.json` written by gleaner, the files it lists, table files.
pub const DATASET: FolderKind = FolderKind {
    what: "gleaner dataset",
    marker: "manifest.json",
    owns: |dir| dataset_files(dir).map(|f| Box::new(f) as Owned),
};

impl Staging {
    /// Checks the target, cleans up after killed runs, and creates the staging folder.
    pub fn begin(target: &Path, force: bool) -> Result<Staging, ExportError> {
        Staging::begin_kind(target, force, DATASET)
    }

    /// [`Staging::begin`] for a folder of another kind.
    pub fn begin_kind(target: &Path, force: bool, kind: FolderKind) -> Result<Staging, ExportError> {
        let target = resolve(target)?;
        let parent = target.parent().ok_or_else(|| refused(&target, "it has no parent folder".into()))?;
        let name = target
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| refused(&target, "its name is not valid UTF-8".into()))?
            .to_owned();
        clean_leftovers(parent, &name, &target);
        check_target(&target, force, kind)?;
        let (staging, lock) = create_staging(parent, &name)?;
        if let Ok(meta) = std::fs::metadata(&target) {
            // The new folder keeps the old one's permissions.
            let _ = std::fs::set_permissions(&staging, meta.permissions());
        }
        let shared = Arc::new(Mutex::new(Shared { state: State::Open, staging, lock: Some(lock) }));
        let mut open = OPEN.lock().unwrap_or_else(|e| e.into_inner());
        open.retain(|w| w.strong_count() > 0);
        open.push(Arc::downgrade(&shared));
        Ok(Staging { target, shared })
    }

    /// The folder to write the new dataset into.
    pub fn path(&self) -> PathBuf {
        self.lock().staging.clone()
    }

    /// The folder the dataset replaces (absolute).
    pub fn target(&self) -> &Path {
        &self.target
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Shared> {
        self.shared.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Swaps the staging folder in for the target, then removes the old dataset.
    pub fn commit(self) -> Result<(), ExportError> {
        let old = {
            let mut shared = self.lock();
            if shared.state != State::Open {
                return Err(ExportError::io(
                    &self.target,
                    std::io::Error::new(std::io::ErrorKind::Interrupted, "the run was interrupted"),
                ));
            }
            let staging = shared.staging.clone();
            sync_dir(&staging);
            let old = swap(&staging, &self.target)?;
            shared.state = State::Committed;
            shared.lock = None;
            old
        };
        if let Some(parent) = self.target.parent() {
            sync_dir(parent);
        }
        if let Some((old, _held)) = old {
            remove_dir(&old);
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        let mut shared = self.lock();
        if shared.state == State::Open {
            shared.state = State::Abandoned;
            remove_dir(&shared.staging);
        }
    }
}

/// The target as an absolute path with a name, links to a folder followed (the dataset goes
/// where the link points). Creates its parent folders.
fn resolve(target: &Path) -> Result<PathBuf, ExportError> {
    if let Ok(real) = std::fs::canonicalize(target) {
        return Ok(real);
    }
    let absolute = if target.is_absolute() {
        target.to_owned()
    } else {
        std::env::current_dir().map_err(|e| ExportError::io(target, e))?.join(target)
    };
    let name = absolute.file_name().ok_or_else(|| refused(target, "it names no folder".into()))?.to_owned();
    let parent = absolute.parent().ok_or_else(|| refused(target, "it has no parent folder".into()))?;
    std::fs::create_dir_all(parent).map_err(|e| ExportError::io(parent, e))?;
    let parent = std::fs::canonicalize(parent).map_err(|e| ExportError::io(parent, e))?;
    Ok(parent.join(name))
}

/// Creates a staging folder of a name no other call (of this process or another, in any PID
/// namespace) uses, and locks it.
fn create_staging(parent: &Path, name: &str) -> Result<(PathBuf, std::fs::File), ExportError> {
    static CALLS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    for attempt in 0..100u32 {
        let n = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let staging = parent.join(format!(".{name}{MARK}staging-{}-{n}-{:x}", std::process::id(), nanos ^ attempt));
        match std::fs::create_dir(&staging) {
            Ok(()) => {
                let lock = std::fs::File::open(&staging).map_err(|e| ExportError::io(&staging, e))?;
                if !try_lock(&lock) {
                    return Err(ExportError::io(&staging, std::io::Error::other("cannot lock the staging folder")));
                }
                return Ok((staging, lock));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(ExportError::io(&staging, e)),
        }
    }
    Err(ExportError::io(parent, std::io::Error::other("cannot find a free name for the staging folder")))
}

/// Takes an exclusive `flock` on an open file or folder without waiting: false when another
/// process holds it.
#[cfg(unix)]
fn try_lock(file: &std::fs::File) -> bool {
    rustix::fs::flock(file, rustix::fs::FlockOperation::NonBlockingLockExclusive).is_ok()
}

#[cfg(not(unix))]
fn try_lock(_file: &std::fs::File) -> bool {
    true
}

/// Refuses a target that the swap would destroy something in (a file, or a folder holding more
/// than a gleaner dataset) or cannot swap (a mount point).
fn check_target(target: &Path, force: bool, kind: FolderKind) -> Result<(), ExportError> {
    let meta = match std::fs::symlink_metadata(target) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(ExportError::io(target, e)),
    };
    if meta.file_type().is_symlink() {
        return Err(refused(target, "it is a link to nothing; make the folder, or remove the link".into()));
    }
    if !meta.is_dir() {
        return Err(refused(target, "it is a file, not a folder".into()));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let parent = target.parent().and_then(|p| std::fs::metadata(p).ok());
        if parent.is_some_and(|p| p.dev() != meta.dev()) {
            return Err(refused(
                target,
                format!(
                    "it is a mount point, and a dataset folder is replaced whole by a swap within one file \
                     system; give a folder inside it (for example {})",
                    target.join("data").display()
                ),
            ));
        }
    }
    if force {
        return Ok(());
    }
    let mut entries: Vec<String> = std::fs::read_dir(target)
        .map_err(|e| ExportError::io(target, e))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    if entries.is_empty() {
        return Ok(());
    }
    entries.sort();
    let Some(own) = (kind.owns)(target) else {
        return Err(refused(
            target,
            format!(
                "it is not empty and holds no {} (no {}), so replacing it would delete {}; choose another --out, \
                 or give --force to replace the whole folder",
                kind.what,
                kind.marker,
                listing(&entries)
            ),
        ));
    };
    let foreign: Vec<String> = entries.into_iter().filter(|e| !own(e)).collect();
    if foreign.is_empty() {
        return Ok(());
    }
    Err(refused(
        target,
        format!(
            "it holds a {} and also {}, which a new run would delete with the old one; move them out, or give \
             --force to replace the whole folder",
            kind.what,
            listing(&foreign)
        ),
    ))
}

fn listing(entries: &[String]) -> String {
    let shown: Vec<&str> = entries.iter().take(3).map(String::as_str).collect();
    match entries.len() - shown.len() {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}

/// If `dir` holds a gleaner dataset, a test of the names that belong to it: `manifest.json`, the
/// files it lists, any table file of a known table, and the temporary files of older versions.
fn dataset_files(dir: &Path) -> Option<impl Fn(&str) -> bool> {
    let text = std::fs::read_to_string(dir.join("manifest.json")).ok()?;
    let manifest: serde_json::Value = serde_json::from_str(&text).ok()?;
    if manifest.get("tool").and_then(|t| t.as_str()) != Some("gleaner") {
        return None;
    }
    let mut listed: Vec<String> = vec!["manifest.json".to_owned()];
    if let Some(tables) = manifest.get("tables").and_then(|t| t.as_object()) {
        for table in tables.values() {
            for file in table.get("files").and_then(|f| f.as_array()).into_iter().flatten() {
                listed.extend(file.as_str().map(str::to_owned));
            }
        }
    }
    Some(move |name: &str| {
        let table_file = name.rsplit_once('.').is_some_and(|(stem, ext)| {
            let stem = stem.strip_suffix(".sheet").unwrap_or(stem);
            matches!(ext, "parquet" | "csv") && TABLES.iter().any(|t| t.name == stem)
        });
        let old_temporary = name.starts_with('.') && name.rsplit_once(".tmp-").is_some_and(|(_, pid)| is_number(pid));
        listed.iter().any(|l| l == name) || table_file || old_temporary
    })
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Removes what runs that are no longer alive left beside `target`: staging folders, and old
/// datasets not yet removed. Alive means holding the folder's lock (a dead process holds none).
/// An old dataset whose target is missing (the process died between the two renames of a file
/// system that cannot exchange) is put back.
fn clean_leftovers(parent: &Path, name: &str, target: &Path) {
    let prefix = format!(".{name}{MARK}");
    let Ok(entries) = std::fs::read_dir(parent) else { return };
    let mut leftovers: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let file = e.file_name().to_str()?.to_owned();
            let rest = file.strip_prefix(&prefix)?;
            (rest.starts_with("staging-") || rest.starts_with("old-")).then_some(file)
        })
        .collect();
    leftovers.sort();
    for file in leftovers {
        let path = parent.join(&file);
        let Ok(folder) = std::fs::File::open(&path) else { continue };
        if !try_lock(&folder) {
            continue; // a living run's
        }
        let restored = file.contains("gleaner-old-")
            && std::fs::symlink_metadata(target).is_err()
            && std::fs::rename(&path, target).is_ok();
        if !restored {
            remove_dir(&path);
        }
    }
}

/// Puts `staging` in `target`'s place; returns where the old dataset now is, to be removed
/// (with the lock held on it meanwhile, when it could be taken).
fn swap(staging: &Path, target: &Path) -> Result<Option<(PathBuf, Option<std::fs::File>)>, ExportError> {
    if std::fs::symlink_metadata(target).is_err() {
        std::fs::rename(staging, target).map_err(|e| ExportError::io(target, e))?;
        return Ok(None);
    }
    // The old dataset is locked from here until it is removed: no other run takes it for a
    // leftover of a dead one.
    let held = std::fs::File::open(target).ok().filter(try_lock);
    if exchange(staging, target) {
        return Ok(Some((staging.to_owned(), held)));
    }
    // No atomic exchange here: two renames; a run that dies between them is mended by the next.
    let name = target.file_name().and_then(|n| n.to_str()).unwrap_or("dataset");
    let old = target.with_file_name(format!(".{name}{MARK}old-{}", std::process::id()));
    std::fs::rename(target, &old).map_err(|e| ExportError::io(target, e))?;
    if let Err(e) = std::fs::rename(staging, target) {
        let _ = std::fs::rename(&old, target);
        return Err(ExportError::io(target, e));
    }
    Ok(Some((old, held)))
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).is_ok()
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> bool {
    false
}

fn sync_dir(dir: &Path) {
    if let Ok(f) = std::fs::File::open(dir) {
        let _ = f.sync_all();
    }
}

fn remove_dir(dir: &Path) {
    // Files may still appear in a folder being removed (a writer thread of an interrupted run):
    // try again a few times.
    for _ in 0..5 {
        match std::fs::remove_dir_all(dir) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => continue,
            _ => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("gleaner-staging-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// The tests below touch the process-wide list of open datasets: one at a time.
    static SERIAL: Mutex<()> = Mutex::new(());

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        v.sort();
        v
    }

    fn dataset(dir: &Path, marker: &str) {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(
            dir.join("manifest.json"),
            r#"{"tool": "gleaner", "tables": {"documents": {"files": ["documents.csv"]}}}"#,
        )
        .unwrap();
        std::fs::write(dir.join("documents.csv"), marker).unwrap();
    }

    #[test]
    fn commit_replaces_the_whole_folder_and_drop_leaves_it() {
        let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        let root = scratch("commit");
        let target = root.join("data");
        dataset(&target, "old");
        std::fs::write(target.join("errors.parquet"), "stale table of another format").unwrap();

        // Dropped without a commit: the old dataset stands, no staging folder stays behind.
        let staging = Staging::begin(&target, false).unwrap();
        std::fs::write(staging.path().join("documents.csv"), "new").unwrap();
        drop(staging);
        assert_eq!(std::fs::read_to_string(target.join("documents.csv")).unwrap(), "old");
        assert_eq!(names(&root), ["data"]);

        let staging = Staging::begin(&target, false).unwrap();
        dataset(&staging.path(), "new");
        staging.commit().unwrap();
        assert_eq!(std::fs::read_to_string(target.join("documents.csv")).unwrap(), "new");
        assert_eq!(names(&target), ["documents.csv", "manifest.json"], "nothing of the old dataset is left");
        assert_eq!(names(&root), ["data"]);
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn foreign_folders_are_refused_unless_forced() {
        let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        let root = scratch("refuse");
        let target = root.join("notes");
        std::fs::create_dir_all(&target).unwrap();
        std::fs::write(target.join("thesis.docx"), "precious").unwrap();
        let err = Staging::begin(&target, false).unwrap_err();
        assert!(matches!(err, ExportError::Refused { .. }) && err.to_string().contains("thesis.docx"), "{err}");
        assert!(target.join("thesis.docx").exists());

        let with_extra = root.join("data");
        dataset(&with_extra, "old");
        std::fs::write(with_extra.join("analysis.ipynb"), "{}").unwrap();
        let err = Staging::begin(&with_extra, false).unwrap_err();
        assert!(err.to_string().contains("analysis.ipynb"), "{err}");

        let file = root.join("file.txt");
        std::fs::write(&file, "x").unwrap();
        assert!(Staging::begin(&file, true).is_err(), "a file is never replaced by a folder");

        let staging = Staging::begin(&target, true).unwrap();
        staging.commit().unwrap();
        assert!(names(&target).is_empty());
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn leftovers_of_dead_runs_are_removed_or_restored_and_living_ones_left_alone() {
        let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        let root = scratch("leftovers");
        let target = root.join("data");
        // What dead runs left: nobody holds their locks.
        dataset(&root.join(".data.gleaner-staging-12-3f"), "half");
        dataset(&root.join(".data.gleaner-old-12"), "old");
        // A living run's staging folder: locked (here, by this test).
        let living = root.join(".data.gleaner-staging-99-1");
        dataset(&living, "alive");
        let held = std::fs::File::open(&living).unwrap();
        assert!(try_lock(&held));
        // The target is missing: the old dataset is put back, the dead staging folder removed.
        let staging = Staging::begin(&target, false).unwrap();
        assert_eq!(std::fs::read_to_string(target.join("documents.csv")).unwrap(), "old");
        drop(staging);
        assert_eq!(names(&root), [".data.gleaner-staging-99-1", "data"], "a living run's folder stays");
        drop(held);
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn two_stagings_of_one_target_in_one_process_do_not_meet() {
        let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        let root = scratch("two");
        let target = root.join("data");
        let (a, b) = (Staging::begin(&target, false).unwrap(), Staging::begin(&target, false).unwrap());
        assert_ne!(a.path(), b.path());
        dataset(&a.path(), "a");
        dataset(&b.path(), "b");
        a.commit().unwrap();
        b.commit().unwrap();
        assert_eq!(std::fs::read_to_string(target.join("documents.csv")).unwrap(), "b", "the last commit wins whole");
        assert_eq!(names(&root), ["data"]);
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn abandoning_removes_open_staging_folders() {
        let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        let root = scratch("abandon");
        let target = root.join("data");
        dataset(&target, "old");
        let staging = Staging::begin(&target, false).unwrap();
        let path = staging.path();
        assert!(path.exists());
        assert_eq!(abandon_open_datasets(), Abandoned::Removed);
        assert!(!path.exists());
        assert!(staging.commit().is_err(), "an abandoned dataset is never swapped in");
        assert_eq!(std::fs::read_to_string(target.join("documents.csv")).unwrap(), "old");
        std::fs::remove_dir_all(&root).unwrap();
    }
}
