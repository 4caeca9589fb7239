/// Every platform built-in, one row per API operation (67), grouped as `help` lists them.
///
/// Naming scheme: a listing is the plural noun (`instances`, `volumes`), one resource the
/// singular (`instance`, `volume`), actions are verbs (`deploy`, `stop`, `create_volume`,
/// `delete_firewall`), and the instance lifecycle verbs stand alone (`start`, `stop`, `reboot`,
/// `hibernate`, `restore`). Parameters are the contract's field names, except that a parameter
/// taking resources drops the `_id`/`_ids` suffix (`ssh_keys:`, `volumes:`) and accepts ids or
/// records, and sizes drop `_gb` (`size: 500GB`).
enum BuiltinTable {
    static let all: [PlatformBuiltinSpec] =
        account + catalogue + instances + sshKeys + volumes + firewalls + scripts + snapshots + images + ai
}
