namespace ApiTools.Emulator.Evotor;

/// <summary>How one answer is written: with the field the contract does not name (<see cref="EmulatorOptions.UnknownFields"/>),
/// and in the documentation's shapes rather than the service's (<see cref="EvotorShapes"/>).</summary>
internal readonly record struct EvotorStyle(bool UnknownFields, bool Documentation);
