/// The GitHub workflows `evident init` writes, made to pass a security review as written:
/// every action pinned to a full commit (its version in a comment, so a moved tag cannot change
/// what runs), no permission by default and the least each job needs, checkouts that keep no
/// credentials, and no `${{ }}` expansion inside a script.
///
/// Evident builds with Swift. The jobs run in the official `swift` container image rather than
/// installing Swift with a setup action, because no such action runs on a Node version that
/// GitHub's runners still provide. The image is Debian 12, whose libgit2 1.5 is the one Evident's
/// tests run against.
public enum StarterWorkflows {
    /// The container image of every job: the official Swift image, Swift 6.3 on Debian 12.
    public static let swiftImage = "swift:6.3-bookworm"

    /// `actions/checkout` v7.0.1 (Node 24), pinned to the commit its tag names.
    public static let checkout = "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1"

    /// The commit of Evident whose GitHub Action (`action.yml`) the workflows run: Evident 0.3.0,
    /// with the hardened action and its `due` command. A team that mirrors Evident elsewhere, or moves to a later commit,
    /// changes the `uses:` line in the two workflows.
    public static let actionCommit = "964284f33770ff6524e34b369cf50a655e18c43b"

    /// The Evident version at `actionCommit`, shown beside the commit.
    public static let actionVersion = "0.3.0"

    /// The `uses:` value of the Evident steps.
    public static var actionReference: String { "evident-compliance/evident@\(actionCommit) # \(actionVersion)" }

    /// The workflow files, keyed by path relative to the repository top.
    public static func files(mainline: String) -> [String: String] {
        [".github/workflows/evident.yml": check(mainline: mainline), ".github/workflows/evident-audit.yml": audit,
         ".github/workflows/evident-due.yml": due]
    }

    /// Lint on every push to the mainline; lint and review every pull request, with SARIF.
    static func check(mainline: String) -> String {
        """
        name: Evident

        on:
          pull_request:
          push:
            branches: [\(StarterProgram.yamlString(mainline))]

        # A newer push to the same pull request or branch replaces the run in progress.
        concurrency:
          group: ${{ github.workflow }}-${{ github.ref }}
          cancel-in-progress: true

        # Nothing by default; each job asks for what it needs.
        permissions: {}

        jobs:
          lint:
            name: Lint the program
            runs-on: ubuntu-latest
            # Evident builds with the job's Swift toolchain: the official Swift image.
            container: \(swiftImage)
            permissions:
              actions: read           # SARIF upload, in a private repository
              contents: read
              security-events: write  # SARIF upload
            steps:
              - uses: \(checkout)
                with:
                  # Evident proves dates from the whole history: never a shallow clone.
                  fetch-depth: 0
                  persist-credentials: false
              - uses: \(actionReference)
                with:
                  command: lint
          review:
            name: Review the pull request
            if: github.event_name == 'pull_request'
            runs-on: ubuntu-latest
            container: \(swiftImage)
            permissions:
              actions: read           # SARIF upload, in a private repository
              contents: read
              security-events: write  # SARIF upload
            steps:
              - uses: \(checkout)
                with:
                  fetch-depth: 0
                  persist-credentials: false
              - uses: \(actionReference)
                with:
                  command: pr

        """
    }

    /// The internal audit once a month (and on demand), proposed as a pull request with the
    /// record. The checkout keeps no credentials: the action pushes the record's branch with its
    /// `token` input (the job's token, by default), so only this job can write.
    static var audit: String {
        """
        name: Evident audit

        on:
          schedule:
            - cron: "0 6 1 * *"
          workflow_dispatch:
            inputs:
              cycle:
                description: "The cycle to audit (default: the current one)"
                required: false
                default: ""

        # One audit at a time; a second waits for the first.
        concurrency:
          group: ${{ github.workflow }}
          cancel-in-progress: false

        # Nothing by default; the audit job asks for what it needs.
        permissions: {}

        jobs:
          audit:
            name: Internal audit
            runs-on: ubuntu-latest
            # Evident builds with the job's Swift toolchain: the official Swift image.
            container: \(swiftImage)
            permissions:
              contents: write         # push the record's branch
              pull-requests: write    # open the record's pull request
            steps:
              - uses: \(checkout)
                with:
                  # Evident proves dates from the whole history: never a shallow clone.
                  fetch-depth: 0
                  persist-credentials: false
              - uses: \(actionReference)
                with:
                  command: audit
                  cycle: ${{ inputs.cycle }}

        """
    }

    /// `evident due` posted as the job summary. Off until the team turns it on: it runs only
    /// when started by hand, and its weekly schedule is written commented out. It reads, and
    /// needs nothing else.
    static var due: String {
        """
        name: Evident due

        # What each owner must land next (evidence for the pending periods, policy reviews,
        # interview notes), with its deadline, posted as this run's job summary. It is off until
        # you turn it on: run it from the Actions tab, or uncomment the two `schedule:` lines
        # below to post it every Monday at 07:00 UTC. It only reads the repository.
        on:
          workflow_dispatch:
          # schedule:
          #   - cron: "0 7 * * 1"

        # Nothing by default; the job asks for what it needs.
        permissions: {}

        jobs:
          due:
            name: What is due
            runs-on: ubuntu-latest
            # Evident builds with the job's Swift toolchain: the official Swift image.
            container: \(swiftImage)
            permissions:
              contents: read
            steps:
              - uses: \(checkout)
                with:
                  # Evident proves dates from the whole history: never a shallow clone.
                  fetch-depth: 0
                  persist-credentials: false
              - uses: \(actionReference)
                with:
                  command: due
                  args: --within 30

        """
    }
}
