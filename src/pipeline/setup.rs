//! What every page is rendered with and no content edit changes: `site.yaml` (with `--base-url`
//! applied), the theme, the glossary and the site's own `static/` files. `build` reads it once;
//! the preview keeps it between edits and reads it again only when one of those files changed.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostics;
use crate::model::Config;
use crate::model::Glossary;
use crate::render::theme::{self, Theme};
use crate::urls::{self, Generated};

use super::Options;

pub struct Setup {
    pub config: Config,
    pub theme: Theme,
    pub glossary: Glossary,
    /// Files of the site's own `static/` folder.
    pub site_static: Vec<(String, PathBuf)>,
}

/// A setup that could not be read whole.
pub struct BrokenSetup {
    /// `site.yaml`, when it was read: the content can still be checked beside the theme's or the
    /// glossary's errors, so one build reports them all.
    pub config: Option<Box<Config>>,
    pub diags: Diagnostics,
}

impl Setup {
    /// Reads the setup of the site at `root`. A broken `site.yaml` stops there; the theme and the
    /// glossary are both read, so the errors of both are reported.
    pub fn load(root: &Path, options: &Options) -> Result<Setup, BrokenSetup> {
        Setup::load_beside(root, options, |_| ()).0
    }

    /// [`Setup::load`], running `beside` with `site.yaml` (once it is read) while the theme is
    /// compiled and the glossary read: a build reads its pages meanwhile. `beside` does not run
    /// when `site.yaml` is broken.
    pub fn load_beside<T: Send>(
        root: &Path,
        options: &Options,
        beside: impl FnOnce(&Config) -> T + Send,
    ) -> (Result<Setup, BrokenSetup>, Option<T>) {
        let config = match load_config(root, options) {
            Ok(config) => config,
            Err(diags) => {
                let broken = BrokenSetup {
                    config: None,
                    diags,
                };
                return (Err(broken), None);
            }
        };
        let ((theme, glossary, diags), besides) = rayon::join(
            || {
                let mut diags = Diagnostics::default();
                let theme = Theme::load(root, &config.theme).map_err(|errors| diags.extend(errors));
                let glossary = load_glossary(root, &mut diags);
                (theme, glossary, diags)
            },
            || beside(&config),
        );
        (
            Setup::assemble(root, config, theme, glossary, diags),
            Some(besides),
        )
    }

    fn assemble(
        root: &Path,
        config: Config,
        theme: Result<Theme, ()>,
        glossary: Glossary,
        diags: Diagnostics,
    ) -> Result<Setup, BrokenSetup> {
        match theme {
            Ok(theme) if !diags.has_errors() => Ok(Setup {
                config,
                theme,
                glossary,
                site_static: static_files(root),
            }),
            _ => Err(BrokenSetup {
                config: Some(Box::new(config)),
                diags,
            }),
        }
    }

    /// Every path below the output root that is not a page: what plain links may point to.
    pub fn static_paths(&self) -> HashSet<String> {
        static_paths(&self.config, Some(&self.theme), &self.site_static)
    }
}

/// `site.yaml`, with `--base-url` applied.
pub fn load_config(root: &Path, options: &Options) -> Result<Config, Diagnostics> {
    let mut config = Config::load(root)?;
    if let Some(url) = &options.base_url {
        config.set_base_url(url)?;
    }
    Ok(config)
}

/// `content/glossary.yaml` (empty without one); its errors go to `diags`.
pub fn load_glossary(root: &Path, diags: &mut Diagnostics) -> Glossary {
    Glossary::load(root).unwrap_or_else(|errors| {
        diags.extend(errors);
        Glossary::default()
    })
}

/// Files of the site's own `static/` folder.
pub fn static_files(root: &Path) -> Vec<(String, PathBuf)> {
    theme::list_files(root, &root.join("static"))
}

/// Every path below the output root that is not a page: what plain links may point to.
pub fn static_paths(
    config: &Config,
    theme: Option<&Theme>,
    site_static: &[(String, PathBuf)],
) -> HashSet<String> {
    let mut paths = generated_files(config);
    let theme_files = theme.iter().flat_map(|t| t.static_files.iter());
    paths.extend(theme_files.map(|(rel, _)| rel.clone()));
    paths.extend(site_static.iter().map(|(rel, _)| rel.clone()));
    paths
}

/// Files shishin itself writes at the root, which plain links may point to.
fn generated_files(config: &Config) -> HashSet<String> {
    let mut files: HashSet<String> = urls::SITE_FILES.map(String::from).into();
    for &l in &config.languages {
        files.insert(urls::feed(l));
        files.insert(Generated::NotFound.file(l));
    }
    files
}
