using Npgsql;
using NpgsqlTypes;

namespace Nightjar.Cluster.Coordination;

/// <summary>Typed positional parameters for the control-plane commands.</summary>
internal static class Sql
{
    public static NpgsqlCommand Command(NpgsqlDataSource db, string text, params NpgsqlParameter[] parameters)
    {
        var command = db.CreateCommand(text);
        command.Parameters.AddRange(parameters);
        return command;
    }

    public static NpgsqlParameter Text(string? value) =>
        new NpgsqlParameter<string?> { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Text };

    public static NpgsqlParameter Int64(long value) => new NpgsqlParameter<long> { TypedValue = value };

    public static NpgsqlParameter Int64(long? value) =>
        value is { } v ? new NpgsqlParameter<long> { TypedValue = v } : new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint };

    public static NpgsqlParameter Int32(int? value) =>
        value is { } v ? new NpgsqlParameter<int> { TypedValue = v } : new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer };

    public static NpgsqlParameter Double(double value) => new NpgsqlParameter<double> { TypedValue = value };

    public static NpgsqlParameter Bool(bool value) => new NpgsqlParameter<bool> { TypedValue = value };

    public static NpgsqlParameter Uuid(Guid value) => new NpgsqlParameter<Guid> { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Uuid };

    public static NpgsqlParameter Interval(TimeSpan value) =>
        new NpgsqlParameter<TimeSpan> { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Interval };

    public static NpgsqlParameter Jsonb(string json) => new NpgsqlParameter<string> { TypedValue = json, NpgsqlDbType = NpgsqlDbType.Jsonb };

    public static NpgsqlParameter TextArray(string[] values) =>
        new NpgsqlParameter<string[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    public static NpgsqlParameter DoubleArray(double[] values) =>
        new NpgsqlParameter<double[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Double };

    /// <summary>Whether <paramref name="ex"/> is the database refusing a stale coordinator term.</summary>
    public static bool IsStaleTerm(Exception ex) => ex is PostgresException { SqlState: "NJL01" };
}
