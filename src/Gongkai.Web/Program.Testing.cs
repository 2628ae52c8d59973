/// <summary>Visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the tests (the top-level statements make it internal otherwise).</summary>
public partial class Program;
